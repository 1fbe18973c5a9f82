package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.in.report.GenerateReportUseCase;
import com.balancehistory.application.port.in.report.RunScheduledReportsUseCase;
import com.balancehistory.application.port.in.report.StoredReport;
import com.balancehistory.application.port.out.report.JobScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs report schedules across instances: a slot is claimed in the shared job schedule, so exactly one instance
 * builds the report; the report is stored with its deliveries in the outbox, which a background worker sends (a failed or
 * interrupted delivery never loses the report, and is tried again).
 */
public final class ScheduledReportService implements RunScheduledReportsUseCase {

    private final GenerateReportUseCase reports;
    private final JobScheduleStore jobs;
    private final List<ReportSchedule> schedules;
    private final Clock clock;
    private final String claimant;
    private final Duration grace;

    /**
     * @param grace a slot due longer ago than this at start-up counts as missed (catch-up run or skipped); a slot due
     *              more recently is simply run as scheduled
     */
    public ScheduledReportService(
            GenerateReportUseCase reports,
            JobScheduleStore jobs,
            List<ReportSchedule> schedules,
            Clock clock,
            String claimant,
            Duration grace) {
        this.reports = reports;
        this.jobs = jobs;
        this.schedules = List.copyOf(schedules);
        this.clock = clock;
        this.claimant = claimant;
        this.grace = grace;
    }

    public List<ReportSchedule> schedules() {
        return schedules;
    }

    @Override
    public List<StoredReport> catchUp() {
        List<StoredReport> made = new ArrayList<>();
        Instant now = clock.instant();
        for (ReportSchedule schedule : schedules) {
            if (schedule.catchUp()) {
                Optional<Instant> slot = jobs.claimIfDue(schedule.job(), claimant, now, schedule.nextDueAfter());
                slot.ifPresent(at -> made.add(run(
                        schedule,
                        at,
                        at.isBefore(now.minus(grace)) ? ReportTrigger.CATCH_UP : ReportTrigger.SCHEDULE)));
            } else {
                jobs.skipMissed(schedule.job(), now, grace, schedule.nextDueAfter());
            }
        }
        return made;
    }

    @Override
    public List<StoredReport> runDue() {
        List<StoredReport> made = new ArrayList<>();
        Instant now = clock.instant();
        for (ReportSchedule schedule : schedules) {
            jobs.claimIfDue(schedule.job(), claimant, now, schedule.nextDueAfter())
                    .ifPresent(slot -> made.add(run(schedule, slot, ReportTrigger.SCHEDULE)));
        }
        return made;
    }

    private StoredReport run(ReportSchedule schedule, Instant slot, ReportTrigger trigger) {
        // the deliveries go to the outbox with the report, in its transaction; the outbox worker sends them
        return reports.generate(
                schedule.type(),
                trigger,
                Optional.of(schedule.name()),
                Optional.of(slot),
                schedule.groupBy(),
                schedule.convertTo(),
                schedule.targets());
    }
}
