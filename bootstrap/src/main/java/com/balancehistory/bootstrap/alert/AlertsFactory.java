package com.balancehistory.bootstrap.alert;

import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.service.alert.AlertQueryService;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.alert.EvaluateAlertsService;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.report.ReportSettings;
import com.balancehistory.bootstrap.BoundValues;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.alert.LowLimitAlertRule;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The alert lifecycle: rules from configuration, the state store, evaluation and notifications, and the API's active
 * alerts. Low-balance thresholds are the read side's {@code balance-history.low-balance} rules (one definition of a
 * low balance); {@code balance-history.alerts.*} holds only what the lifecycle adds: hysteresis, cooldown,
 * stale-intervals, low-limit, significant-change-window and deliver.
 */
@Factory
class AlertsFactory {

    @Singleton
    JooqAlertStateStore alertStateStore(DSLContext dsl) {
        return new JooqAlertStateStore(dsl);
    }

    /** The alert rules, read once; the outbox worker also needs their targets. */
    @Singleton
    AlertRules alertRules(Environment environment, AlertsProperties alerts, ReportSettings reportSettings) {
        return rules(environment, alerts, reportSettings);
    }

    @Singleton
    EvaluateAlertsService evaluateAlertsService(
            JooqAsOfSnapshots snapshots,
            JooqAlertStateStore store,
            AlertRules rules,
            ReportRenderer renderer,
            DailyBurns burns,
            Clock clock) {
        return new EvaluateAlertsService(snapshots, store, rules, renderer, burns, clock);
    }

    /** {@code GET /api/v1/alerts} and {@code /history}: the recorded lifecycle, never computed on the call. */
    @Singleton
    AlertQueryService alertQueryService(JooqAlertStateStore store) {
        return new AlertQueryService(store);
    }

    static final String PREFIX = "balance-history.alerts.";

    /** Keys of earlier versions that now live elsewhere: refused at start-up rather than silently ignored. */
    static final Map<String, String> MOVED = Map.of(
            PREFIX + "low-balance",
                    "balance-history.low-balance (currencies / accounts, thresholds \"500.00\", "
                            + "\"10%\" or \"10% of initial\", \"5% of total\")",
            PREFIX + "low-limit-utilization",
                    PREFIX + "low-limit (remaining below % of the total, per period: "
                            + "utilization 0.90 is low-limit {default: 10})");

    static AlertRules rules(Environment env, AlertsProperties alerts, ReportSettings reportSettings) {
        MOVED.forEach((old, now) -> {
            if (env.containsProperties(old) || env.containsProperty(old)) {
                throw new IllegalArgumentException(old + " is no longer read: use " + now);
            }
        });
        BigDecimal band = orDefault(
                BoundValues.readable(env, PREFIX + "hysteresis", alerts.hysteresis(), "a decimal number"),
                new BigDecimal("0.05"));
        Duration cooldown =
                orDefault(BoundValues.duration(env, PREFIX + "cooldown", alerts.cooldown()), Duration.ofMinutes(15));
        Optional<BigDecimal> stale =
                offOr(env, "stale-intervals", alerts.staleIntervals(), new BigDecimal("3"), "a number of intervals");
        Optional<Duration> window = offOr(
                env, "significant-change-window", alerts.significantChangeWindow(), Duration.ofHours(1), DURATION);
        // optional: off unless configured, since a top-up is news only to whoever waits for one
        Optional<Duration> topUpWindow =
                offOr(env, "top-up-settled-window", alerts.topUpSettledWindow(), null, DURATION);
        Map<String, String> lowLimitConfig =
                alerts.lowLimit() == null || alerts.lowLimit().isEmpty()
                        ? Map.of("default", "10") // remaining below 10 %, i.e. utilization above 90 %
                        : new TreeMap<>(alerts.lowLimit());
        List<LowLimitAlertRule> lowLimit = new ArrayList<>();
        lowLimitConfig.forEach((period, pct) -> {
            String name = period.toLowerCase(Locale.ROOT);
            try {
                lowLimit.add(new LowLimitAlertRule(
                        name.equals("default") ? Optional.empty() : Optional.of(LimitPeriod.fromApiName(name)),
                        new BigDecimal(pct.strip())));
            } catch (RuntimeException e) {
                throw new ConfigurationException(PREFIX + "low-limit." + name + ": " + e.getMessage());
            }
        });
        List<DeliveryTarget> targets = alerts.deliver() == null || !env.containsProperties(PREFIX + "deliver")
                ? List.of(new DeliveryTarget.Log())
                : alerts.deliver().targets(env, PREFIX + "deliver");
        return new AlertRules(
                reportSettings.lowBalance(),
                lowLimit,
                stale,
                window,
                topUpWindow,
                reportSettings.intervals(),
                new Hysteresis(band),
                new AlertLifecycle(cooldown),
                targets);
    }

    private static final String DURATION = "a duration (use e.g. 30s, 5m, 1h or PT5M)";

    private static <T> T orDefault(T bound, T fallback) {
        return bound == null ? fallback : bound;
    }

    /**
     * The bound value, the default when the key is not set, or nothing for {@code off} (also YAML's unquoted
     * {@code off}, which it reads as {@code false}).
     */
    private static <T> Optional<T> offOr(Environment env, String name, T bound, T fallback, String expected) {
        if (bound != null) {
            return Optional.of(bound);
        }
        String key = PREFIX + name;
        Optional<String> raw = env.getProperty(key, String.class).map(String::strip);
        if (raw.isEmpty()) {
            return Optional.ofNullable(fallback);
        }
        if (raw.get().equalsIgnoreCase("off") || raw.get().equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        throw new ConfigurationException(key + ": '" + raw.get() + "' is not " + expected + " or off");
    }
}
