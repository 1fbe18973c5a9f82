package com.balancehistory.application.port.in.report;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.ReportTrigger;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Builds a report from the snapshots now and stores it. */
public interface GenerateReportUseCase {

    /** Builds and stores a report of {@code type} on an admin's request. */
    default StoredReport generateNow(String type) {
        return generateNow(type, Optional.empty());
    }

    /** As {@link #generateNow(String)}, with a per-label section grouped by {@code groupBy} when given. */
    default StoredReport generateNow(String type, Optional<String> groupBy) {
        return generateNow(type, groupBy, Optional.empty());
    }

    /** As above, with the totals converted into {@code convertTo} when given. */
    StoredReport generateNow(String type, Optional<String> groupBy, Optional<Currency> convertTo);

    /**
     * Builds a report as of now against the previous stored one, and stores it, recording why it was made: a
     * schedule names itself and the slot it ran for, and its {@code group-by} when it has one.
     */
    default StoredReport generate(
            String type,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Optional<String> groupBy) {
        return generate(type, trigger, schedule, scheduledFor, groupBy, Optional.empty(), List.of());
    }

    /**
     * As above, and the report's delivery to each of {@code deliverTo} is written to the delivery outbox with the
     * report, in one transaction; a background worker sends it.
     */
    default StoredReport generate(
            String type,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Optional<String> groupBy,
            List<DeliveryTarget> deliverTo) {
        return generate(type, trigger, schedule, scheduledFor, groupBy, Optional.empty(), deliverTo);
    }

    /** As above, with the totals converted into {@code convertTo} (a schedule's {@code convert-to}) when given. */
    StoredReport generate(
            String type,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Optional<String> groupBy,
            Optional<Currency> convertTo,
            List<DeliveryTarget> deliverTo);
}
