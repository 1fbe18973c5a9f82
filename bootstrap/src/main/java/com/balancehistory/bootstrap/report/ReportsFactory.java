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
import com.balancehistory.application.service.report.ReportSchedule;
import com.balancehistory.application.service.report.ReportService;
import com.balancehistory.application.service.report.ReportSettings;
import com.balancehistory.application.service.report.ScheduledReportService;
import com.balancehistory.bootstrap.ConfiguredSources;
import com.balancehistory.bootstrap.metrics.MeteredDeliveryLog;
import com.balancehistory.bootstrap.metrics.MeteredReportStore;
import com.balancehistory.bootstrap.metrics.ServiceMetrics;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.money.CurrencyCodes;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.cron.CronExpression;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Issue 6: stored allocation reports, their schedules across instances, and delivery (directory, webhook, log).
 * Configuration is read with defaults in code; see docs/reports-and-alerts.md.
 */
@Factory
class ReportsFactory {

    static final String DEFAULT_CRON = "0 0 6 * * *";

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
            @Value("${balance-history.instance-id:local}") String instanceId,
            @Value("${balance-history.outbox.lease:5m}") String lease,
            @Value("${balance-history.outbox.give-up-after:24h}") String giveUpAfter) {
        List<DeliveryTarget> targets = new ArrayList<>(alertRules.targets());
        schedules(environment).forEach(schedule -> targets.addAll(schedule.targets()));
        return new OutboxService(
                outbox,
                delivery,
                targets,
                new OutboxService.Settings(10, duration(lease), duration(giveUpAfter)),
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
            @Value("${balance-history.delivery.max-attempts:5}") int maxAttempts,
            @Value("${balance-history.delivery.initial-backoff:2s}") String initialBackoff,
            @Value("${balance-history.delivery.max-backoff:1m}") String maxBackoff,
            @Value("${balance-history.delivery.timeout:10s}") String timeout) {
        return new DeliveryService(
                List.of(
                        new WebhookDeliveryChannel(duration(timeout), clock),
                        new DirectoryDeliveryChannel(),
                        new LogDeliveryChannel()),
                new MeteredDeliveryLog(log, metrics),
                new DeliverySettings(maxAttempts, duration(initialBackoff), duration(maxBackoff)),
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
            @Value("${balance-history.instance-id:local}") String instanceId,
            @Value("${balance-history.reports.catch-up-grace:2m}") String grace) {
        return new ScheduledReportService(
                reports,
                jobs,
                schedules(environment),
                clock,
                instanceId + "/" + ProcessHandle.current().pid(),
                duration(grace));
    }

    /** {@code balance-history.reports.schedules.<name>}, or one daily 06:00 UTC allocation report. */
    static List<ReportSchedule> schedules(Environment environment) {
        Map<String, Object> configured = new LinkedHashMap<>();
        environment
                .getProperty("balance-history.reports.schedules", Map.class)
                .ifPresent(raw ->
                        ((Map<?, ?>) raw).forEach((name, settings) -> configured.put(String.valueOf(name), settings)));
        if (configured.isEmpty()) {
            configured.put("daily", Map.of());
        }
        List<ReportSchedule> schedules = new ArrayList<>();
        configured.forEach((name, raw) -> {
            Map<?, ?> settings = raw instanceof Map<?, ?> map ? map : Map.of();
            if ("false".equals(String.valueOf(settings.get("enabled")))) {
                return;
            }
            String key = "balance-history.reports.schedules." + name;
            String cron = text(settings.get("cron"), DEFAULT_CRON);
            ZoneId zone = ZoneId.of(text(settings.get("zone"), "UTC"));
            CronExpression expression;
            try {
                expression = CronExpression.create(cron);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + ".cron: '" + cron + "' is not a cron expression", e);
            }
            String type = text(settings.get("type"), "allocation");
            boolean catchUp = !"false".equals(text(firstOf(settings, "catch-up", "catchUp"), "true"));
            Optional<String> groupBy = Optional.ofNullable(text(firstOf(settings, "group-by", "groupBy"), null))
                    .map(value -> {
                        try {
                            return Label.requireKey(value);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(key + ".group-by: " + e.getMessage(), e);
                        }
                    });
            schedules.add(new ReportSchedule(
                    name,
                    type,
                    now -> expression.nextTimeAfter(now.atZone(zone)).toInstant(),
                    catchUp,
                    targets(key + ".deliver", settings.get("deliver")),
                    groupBy,
                    convertTo(key + ".convert-to", firstOf(settings, "convert-to", "convertTo"))));
        });
        return schedules;
    }

    /** {@code convert-to: EUR}: the ISO 4217 currency the schedule's reports convert their totals into. */
    static Optional<Currency> convertTo(String key, Object raw) {
        String code = text(raw, null);
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CurrencyCodes.require(code.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** {@code deliver: {directory: path, webhook: {url, secret}, log: true}}. */
    static List<DeliveryTarget> targets(String key, Object raw) {
        List<DeliveryTarget> targets = new ArrayList<>();
        if (!(raw instanceof Map<?, ?> deliver)) {
            return targets;
        }
        Object directory = deliver.get("directory");
        if (directory != null && !String.valueOf(directory).isBlank()) {
            targets.add(new DeliveryTarget.Directory(String.valueOf(directory)));
        }
        if (deliver.get("webhook") instanceof Map<?, ?> webhook && webhook.get("url") != null) {
            Object secret = webhook.get("secret");
            if (secret == null || String.valueOf(secret).length() < 16) {
                throw new IllegalArgumentException(key + ".webhook.secret: at least 16 characters are required");
            }
            targets.add(new DeliveryTarget.Webhook(String.valueOf(webhook.get("url")), String.valueOf(secret)));
        }
        if ("true".equals(String.valueOf(deliver.get("log")))) {
            targets.add(new DeliveryTarget.Log());
        }
        return targets;
    }

    /** The typical poll interval of each configured source (staleness and the stale-data alert measure in it). */
    static SourceIntervals intervals(ConfiguredSources sources) {
        return new SourceIntervals(sources.typicalIntervals(), SourceIntervals.DEFAULT_INTERVAL);
    }

    static Duration duration(String text) {
        return DeliveryTargets.duration(text);
    }

    static String text(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank()
                ? fallback
                : String.valueOf(value).strip();
    }

    static Object firstOf(Map<?, ?> settings, String... keys) {
        for (String key : keys) {
            if (settings.get(key) != null) {
                return settings.get(key);
            }
        }
        return null;
    }
}
