package com.balancehistory.adapters.http.in.alert;

import com.balancehistory.adapters.http.in.Params;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Past alert firings and resolutions, newest first, with the values that caused them. */
@Controller("/api/v1/alerts/history")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertHistoryController {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ListAlertsUseCase alerts;

    public AlertHistoryController(ListAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> history(
            @QueryValue @Nullable String from, @QueryValue @Nullable String to, @QueryValue @Nullable String limit) {
        int count = 100;
        if (limit != null && !limit.isBlank()) {
            try {
                count = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > ListAlertsUseCase.MAX_LIMIT) {
                throw ApiProblem.invalidParameter(
                        "limit", "limit must be between 1 and " + ListAlertsUseCase.MAX_LIMIT);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode events = root.putArray("events");
        for (AlertEvent event : alerts.history(instant("from", from), instant("to", to), count)) {
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

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Params.inRange(name, OffsetDateTime.parse(value.strip()).toInstant()));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, name + " must be an ISO-8601 time such as 2026-11-20T10:00:00Z");
        }
    }
}
