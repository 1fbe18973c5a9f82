package com.balancehistory.application.service.report;

import com.balancehistory.application.port.out.report.DeliveryTarget;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One configured report schedule: its name, the report type, when it is due next after a given time (a cron in a
 * zone), whether a slot missed while the service was down is made up at start-up, and where reports go.
 */
public record ReportSchedule(
        String name, String type, UnaryOperator<Instant> nextDueAfter, boolean catchUp, List<DeliveryTarget> targets) {

    public ReportSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nextDueAfter, "nextDueAfter");
        targets = List.copyOf(targets);
    }

    /** The job name in the shared schedule. */
    public String job() {
        return "report:" + name;
    }
}
