package com.balancehistory.bootstrap.report;

import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.service.report.ScheduledReportService;
import com.balancehistory.bootstrap.GracefulPolls;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs report schedules and alert evaluation. At start-up a report slot missed while the service was down is made
 * once (or skipped with {@code catch-up: false}); then every tick makes the due reports and evaluates alerts.
 */
@Singleton
@Requires(property = "balance-history.reports.enabled", notEquals = "false", defaultValue = "true")
class ReportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);

    private final ScheduledReportService reports;
    private final EvaluateAlertsUseCase alerts;
    private final GracefulPolls shutdown;

    ReportJobs(ScheduledReportService reports, EvaluateAlertsUseCase alerts, GracefulPolls shutdown) {
        this.reports = reports;
        this.alerts = alerts;
        this.shutdown = shutdown;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        try {
            reports.catchUp()
                    .forEach(report -> LOG.info(
                            "report {} ({}) made at start-up for slot {}",
                            report.id(),
                            report.summary().trigger().code(),
                            report.summary().scheduledFor().orElse(null)));
        } catch (RuntimeException e) {
            LOG.error("report catch-up failed", e);
        }
    }

    @Scheduled(fixedDelay = "${balance-history.reports.tick:30s}", initialDelay = "${balance-history.reports.tick:30s}")
    void tick() {
        if (shutdown.stopping()) {
            return;
        }
        try {
            reports.runDue()
                    .forEach(report -> LOG.info(
                            "scheduled report {} ({}) for slot {}",
                            report.id(),
                            report.summary().schedule().orElse(""),
                            report.summary().scheduledFor().orElse(null)));
        } catch (RuntimeException e) {
            LOG.error("scheduled reports failed", e);
        }
        try {
            alerts.evaluate()
                    .forEach(event -> LOG.info("alert {} {}: {}", event.type().code(), event.key(), event.message()));
        } catch (RuntimeException e) {
            LOG.error("alert evaluation failed", e);
        }
    }
}
