package com.balancehistory.application.model.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A stored report's metadata: type, as-of snapshot time, when and why it was made, and its parameters. */
public record ReportSummary(
        long id,
        String type,
        Instant asOf,
        Instant createdAt,
        ReportTrigger trigger,
        Optional<String> schedule,
        Optional<Instant> scheduledFor,
        Map<String, String> parameters) {

    public ReportSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(trigger, "trigger");
        schedule = schedule == null ? Optional.empty() : schedule;
        scheduledFor = scheduledFor == null ? Optional.empty() : scheduledFor;
        parameters = Map.copyOf(parameters);
    }
}
