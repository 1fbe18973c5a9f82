package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.DeliveryTarget;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One configured report schedule: its name, the report type, when it is due next after a given time (a cron in a
 * zone), whether a slot missed while the service was down is made up at start-up, where reports go, and the label
 * key its reports are grouped by in a per-label section ({@code group-by}), if any, and the currency their totals are
 * converted into ({@code convert-to}), if any.
 */
public record ReportSchedule(
        String name,
        String type,
        UnaryOperator<Instant> nextDueAfter,
        boolean catchUp,
        List<DeliveryTarget> targets,
        Optional<String> groupBy,
        Optional<Currency> convertTo) {

    public ReportSchedule {
        groupBy = groupBy == null ? Optional.empty() : groupBy;
        convertTo = convertTo == null ? Optional.empty() : convertTo;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nextDueAfter, "nextDueAfter");
        targets = List.copyOf(targets);
    }

    /** A schedule whose reports have no per-label section. */
    public ReportSchedule(
            String name,
            String type,
            UnaryOperator<Instant> nextDueAfter,
            boolean catchUp,
            List<DeliveryTarget> targets) {
        this(name, type, nextDueAfter, catchUp, targets, Optional.empty(), Optional.empty());
    }

    /** The job name in the shared schedule. */
    public String job() {
        return "report:" + name;
    }
}
