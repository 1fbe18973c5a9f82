package com.balancehistory.adapters.http.in.alert;

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

/** Past alert firings and resolutions, newest first, with the values that caused them. */
@Controller("/api/v1/alerts/history")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertHistoryController {

    static final int DEFAULT_LIMIT = 100;

    private final ListAlertsUseCase alerts;

    public AlertHistoryController(ListAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public AlertHistoryResponse history(
            @QueryValue @Nullable String from, @QueryValue @Nullable String to, @QueryValue @Nullable String limit) {
        int count = Params.integer("limit", limit, DEFAULT_LIMIT, 1, ListAlertsUseCase.MAX_LIMIT);
        return AlertHistoryResponse.of(alerts.history(Params.instant("from", from), Params.instant("to", to), count));
    }
}
