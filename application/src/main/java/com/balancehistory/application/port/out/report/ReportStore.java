package com.balancehistory.application.port.out.report;

import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.model.report.ReportTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Stored reports with their parameters, as-of time and JSON content. */
public interface ReportStore {

    default ReportSummary save(NewReport report) {
        return save(report, summary -> List.of());
    }

    /**
     * Stores the report and, in the same transaction, writes the deliveries {@code announce} makes of it (given its
     * stored summary) to the delivery outbox.
     */
    ReportSummary save(NewReport report, Function<ReportSummary, List<OutboundDelivery>> announce);

    /** The report's metadata and its JSON content. */
    Optional<Stored> find(long id);

    List<ReportSummary> list(ReportFilter filter);

    /** The newest stored report of the type with an as-of time before {@code asOf}. */
    Optional<Stored> latestBefore(String type, Instant asOf);

    /** A report to store. */
    record NewReport(
            String type,
            Instant asOf,
            Instant createdAt,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Map<String, String> parameters,
            String contentJson) {
        public NewReport {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(trigger, "trigger");
            schedule = schedule == null ? Optional.empty() : schedule;
            scheduledFor = scheduledFor == null ? Optional.empty() : scheduledFor;
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(contentJson, "contentJson");
        }
    }

    /** A stored report as the store holds it. */
    record Stored(ReportSummary summary, String contentJson) {}
}
