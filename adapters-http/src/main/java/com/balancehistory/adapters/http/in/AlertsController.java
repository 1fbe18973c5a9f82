package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.AlertsResponse;
import com.balancehistory.application.port.in.query.ActiveAlertsQuery;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Active alerts of the lifecycle: low balances, low card limits, stale data and significant changes. */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "alerts")
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class AlertsController {

    private final ActiveAlertsQuery alerts;

    public AlertsController(ActiveAlertsQuery alerts) {
        this.alerts = alerts;
    }

    @Get
    @Operation(operationId = "listActiveAlerts", summary = "The alerts active now (fired and not yet resolved)")
    public AlertsResponse active() {
        return AlertsResponse.of(alerts.activeAlerts());
    }
}
