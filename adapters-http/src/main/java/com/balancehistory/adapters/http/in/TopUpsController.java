package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.TopUpsResponse;
import com.balancehistory.application.port.in.query.ForecastRunwayUseCase;
import io.micronaut.core.annotation.Nullable;
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
import java.time.Duration;
import java.util.List;

/** What to add to which accounts so that each lasts a target at its own burn. */
@Controller("/api/v1/topups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "balances")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class TopUpsController {

    private final ForecastRunwayUseCase runways;

    public TopUpsController(ForecastRunwayUseCase runways) {
        this.runways = runways;
    }

    @Get
    @Operation(
            operationId = "listTopUps",
            summary = "Every account that needs a top-up to last the target, with the total to add per currency",
            description = "Each account's top-up is its runway's (GET /api/v1/balances/{accountId}/runway): burn x "
                    + "target - balance, rounded up to the currency's minor unit. Accounts that already last, have "
                    + "not enough history, or are gone are left out. Totals are per currency, never across "
                    + "currencies; groupBy=key adds them per value of that label, then the (unlabelled) group.")
    public TopUpsResponse topUps(
            @Parameter(
                            description = "ISO-8601 duration the balances should last from now (default P14D)",
                            example = "P14D")
                    @Schema(type = "string", format = "duration")
                    @QueryValue
                    @Nullable
                    String target,
            @Parameter(
                            description = "ISO-8601 duration each burn is measured over, ending now (default P30D)",
                            example = "P30D")
                    @Schema(type = "string", format = "duration")
                    @QueryValue
                    @Nullable
                    String window,
            @Parameter(
                            description =
                                    "key:value, repeatable: only accounts that have every one of these labels now",
                            example = "department:Marketing")
                    @QueryValue("label")
                    @Nullable
                    List<String> label,
            @Parameter(description = "a label key: totals per value of that label", example = "department")
                    @QueryValue
                    @Nullable
                    String groupBy) {
        return TopUpsResponse.of(runways.topUps(
                Params.duration("window", window, Duration.ofDays(30)),
                Params.duration("target", target, Duration.ofDays(14)),
                Params.labels("label", label),
                Params.labelKey("groupBy", groupBy)));
    }
}
