package com.balancehistory.bootstrap.report;

import com.balancehistory.adapters.http.out.delivery.DirectoryDeliveryChannel;
import com.balancehistory.adapters.http.out.delivery.LogDeliveryChannel;
import com.balancehistory.adapters.http.out.delivery.WebhookDeliveryChannel;
import com.balancehistory.adapters.http.out.report.JacksonReportRenderer;
import com.balancehistory.adapters.persistence.report.DeliveryAttemptRepository;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.adapters.persistence.report.JooqDeliveryOutbox;
import com.balancehistory.adapters.persistence.report.JooqJobScheduleStore;
import com.balancehistory.adapters.persistence.report.MicronautDataDeliveryLog;
import com.balancehistory.adapters.persistence.report.MicronautDataReportStore;
import com.balancehistory.adapters.persistence.report.ReportRepository;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.in.fx.ConvertTotalsUseCase;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.query.QuerySettings;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.application.service.report.DeliveryService;
import com.balancehistory.application.service.report.DeliverySettings;
import com.balancehistory.application.service.report.OutboxService;
import com.balancehistory.application.service.report.ReportService;
import com.balancehistory.application.service.report.ReportSettings;
import com.balancehistory.application.service.report.ScheduledReportService;
import com.balancehistory.bootstrap.BoundValues;
import com.balancehistory.bootstrap.ConfiguredSources;
import com.balancehistory.bootstrap.metrics.MeteredDeliveryLog;
import com.balancehistory.bootstrap.metrics.MeteredReportStore;
import com.balancehistory.bootstrap.metrics.ServiceMetrics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Stored allocation reports, their schedules across instances, and delivery (directory, webhook, log).
 * Configuration is bound into {@link ReportsProperties}, {@link ReportScheduleProperties}, {@link DeliveryProperties}
 * and {@link OutboxProperties}, with defaults in code; see docs/reports-and-alerts.md.
 */
@Factory
class ReportsFactory {

    @Singleton
    JooqAsOfSnapshots asOfSnapshots(DSLContext dsl) {
        return new JooqAsOfSnapshots(dsl);
    }

    @Singleton
    MicronautDataReportStore reportStore(ReportRepository reports, DSLContext dsl) {
        return new MicronautDataReportStore(reports, dsl);
    }

    @Singleton
    JooqJobScheduleStore jobScheduleStore(DSLContext dsl) {
        return new JooqJobScheduleStore(dsl);
    }

    @Singleton
    JooqDeliveryOutbox deliveryOutbox(DSLContext dsl, ServiceMetrics metrics) {
        JooqDeliveryOutbox outbox = new JooqDeliveryOutbox(dsl);
        metrics.outboxPending(outbox::pending);
        return outbox;
    }

    /**
     * The outbox worker's service. It knows every configured target (the alerts' and each schedule's) by channel and
     * shown name, since an outbox row never holds a target's secret.
     */
    @Singleton
    OutboxService outboxService(
            JooqDeliveryOutbox outbox,
            DeliveryService delivery,
            AlertRules alertRules,
            Clock clock,
            Environment environment,
            List<ReportScheduleProperties> schedules,
            OutboxProperties settings,
            @Value("${balance-history.instance-id:local}") String instanceId) {
        List<DeliveryTarget> targets = new ArrayList<>(alertRules.targets());
        ReportSchedules.of(environment, schedules).forEach(schedule -> targets.addAll(schedule.targets()));
        String prefix = OutboxProperties.PREFIX + ".";
        return new OutboxService(
                outbox,
                delivery,
                targets,
                new OutboxService.Settings(
                        10,
                        BoundValues.positiveDuration(
                                environment, prefix + "lease", settings.lease(), Duration.ofMinutes(5)),
                        BoundValues.positiveDuration(
                                environment, prefix + "give-up-after", settings.giveUpAfter(), Duration.ofHours(24))),
                instanceId + "/" + ProcessHandle.current().pid(),
                clock);
    }

    @Singleton
    MicronautDataDeliveryLog deliveryLog(DeliveryAttemptRepository attempts) {
        return new MicronautDataDeliveryLog(attempts);
    }

    @Singleton
    ReportRenderer reportRenderer() {
        return new JacksonReportRenderer();
    }

    @Singleton
    DeliveryService deliveryService(
            MicronautDataDeliveryLog log,
            ServiceMetrics metrics,
            Clock clock,
            Environment environment,
            DeliveryProperties settings) {
        String prefix = DeliveryProperties.PREFIX + ".";
        Integer maxAttempts =
                BoundValues.readable(environment, prefix + "max-attempts", settings.maxAttempts(), "a whole number");
        return new DeliveryService(
                List.of(
                        new WebhookDeliveryChannel(
                                BoundValues.positiveDuration(
                                        environment, prefix + "timeout", settings.timeout(), Duration.ofSeconds(10)),
                                clock),
                        new DirectoryDeliveryChannel(),
                        new LogDeliveryChannel()),
                new MeteredDeliveryLog(log, metrics),
                new DeliverySettings(
                        maxAttempts == null ? 5 : maxAttempts,
                        BoundValues.positiveDuration(
                                environment,
                                prefix + "initial-backoff",
                                settings.initialBackoff(),
                                Duration.ofSeconds(2)),
                        BoundValues.positiveDuration(
                                environment, prefix + "max-backoff", settings.maxBackoff(), Duration.ofMinutes(1))),
                clock,
                wait -> Thread.sleep(wait.toMillis()));
    }

    /** Health tiers and low-balance rules of the read side where it is configured, else the domain's defaults. */
    @Singleton
    ReportSettings reportSettings(Optional<QuerySettings> query, ConfiguredSources sources) {
        QuerySettings settings = query.orElseGet(QuerySettings::defaults);
        return new ReportSettings(settings.healthScale(), settings.lowBalance(), intervals(sources));
    }

    @Singleton
    ReportService reportService(
            JooqAsOfSnapshots snapshots,
            MicronautDataReportStore store,
            ServiceMetrics metrics,
            ReportRenderer renderer,
            ReportSettings settings,
            Clock clock,
            ConvertTotalsUseCase conversion,
            DailyBurns burns) {
        return new ReportService(
                snapshots, new MeteredReportStore(store, metrics), renderer, settings, clock, conversion, burns);
    }

    @Singleton
    ScheduledReportService scheduledReportService(
            ReportService reports,
            JooqJobScheduleStore jobs,
            Clock clock,
            Environment environment,
            List<ReportScheduleProperties> schedules,
            ReportsProperties settings,
            @Value("${balance-history.instance-id:local}") String instanceId) {
        return new ScheduledReportService(
                reports,
                jobs,
                ReportSchedules.of(environment, schedules),
                clock,
                instanceId + "/" + ProcessHandle.current().pid(),
                BoundValues.positiveDuration(
                        environment,
                        ReportsProperties.PREFIX + ".catch-up-grace",
                        settings.catchUpGrace(),
                        Duration.ofMinutes(2)));
    }

    /** The typical poll interval of each configured source (staleness and the stale-data alert measure in it). */
    static SourceIntervals intervals(ConfiguredSources sources) {
        return new SourceIntervals(sources.typicalIntervals(), SourceIntervals.DEFAULT_INTERVAL);
    }
}
