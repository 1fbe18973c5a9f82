package com.balancehistory.adapters.http.in.alert;

import com.balancehistory.adapters.http.in.Params;
import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.port.in.alert.ListAlertsUseCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.math.BigDecimal;

/** Past alert firings and resolutions, newest first, with the values that caused them. */
@Controller("/api/v1/alerts/history")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertHistoryController {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int DEFAULT_LIMIT = 100;

    private final ListAlertsUseCase alerts;

    public AlertHistoryController(ListAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> history(
            @QueryValue @Nullable String from, @QueryValue @Nullable String to, @QueryValue @Nullable String limit) {
        int count = Params.integer("limit", limit, DEFAULT_LIMIT, 1, ListAlertsUseCase.MAX_LIMIT);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode events = root.putArray("events");
        for (AlertEvent event : alerts.history(Params.instant("from", from), Params.instant("to", to), count)) {
            ObjectNode node = events.addObject();
            node.put("id", event.id());
            node.put("event", event.type().code());
            node.put("kind", event.key().kind().apiName());
            node.put("subject", event.key().subject());
            node.put("source", event.source());
            node.put("occurredAt", event.occurredAt().toString());
            node.put("firedAt", event.firedAt().toString());
            node.put("value", event.value().map(BigDecimal::toPlainString).orElse(null));
            node.put(
                    "threshold",
                    event.threshold().map(BigDecimal::toPlainString).orElse(null));
            node.put("unit", event.unit().orElse(null));
            node.put("message", event.message());
        }
        try {
            return HttpResponse.ok(MAPPER.writeValueAsBytes(root)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
