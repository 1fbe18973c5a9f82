package com.balancehistory.adapters.http.in.alert;

import com.balancehistory.adapters.http.in.ApiDocumentation;
import com.balancehistory.adapters.http.in.Params;
import com.balancehistory.adapters.http.in.dto.AlertHistoryResponse;
import com.balancehistory.application.port.in.alert.ListAlertsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Past alert firings and resolutions, newest first, with the values that caused them. */
@Controller("/api/v1/alerts/history")
@Tag(name = "alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertHistoryController {

    static final int DEFAULT_LIMIT = 100;

    private final ListAlertsUseCase alerts;

    public AlertHistoryController(ListAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listAlertHistory",
            summary = "Past alert firings and resolutions, newest first, with the values that caused them")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    public AlertHistoryResponse history(
            @Parameter(description = "only entries at or after this time (a date means its 00:00 UTC)")
                    @Schema(type = "string", format = "date-time", example = "2026-11-01T00:00:00Z")
                    @QueryValue
                    @Nullable
                    String from,
            @Parameter(description = "only entries before this time (a date means its 00:00 UTC)")
                    @Schema(type = "string", format = "date-time", example = "2026-12-01T00:00:00Z")
                    @QueryValue
                    @Nullable
                    String to,
            @Parameter(description = "how many entries at most")
                    @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "100")
                    @QueryValue
                    @Nullable
                    String limit) {
        int count = Params.integer("limit", limit, DEFAULT_LIMIT, 1, ListAlertsUseCase.MAX_LIMIT);
        return AlertHistoryResponse.of(alerts.history(Params.instant("from", from), Params.instant("to", to), count));
    }
}
