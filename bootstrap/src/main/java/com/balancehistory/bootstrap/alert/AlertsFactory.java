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
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.alert.LowLimitAlertRule;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    AlertRules alertRules(Environment environment, ReportSettings reportSettings) {
        return rules(environment, reportSettings);
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

    static AlertRules rules(Environment env, ReportSettings reportSettings) {
        MOVED.forEach((old, now) -> {
            if (env.containsProperties(old) || env.containsProperty(old)) {
                throw new IllegalArgumentException(old + " is no longer read: use " + now);
            }
        });
        BigDecimal band = new BigDecimal(
                env.getProperty(PREFIX + "hysteresis", String.class).orElse("0.05"));
        Duration cooldown =
                duration(env.getProperty(PREFIX + "cooldown", String.class).orElse("15m"));
        String stale = env.getProperty(PREFIX + "stale-intervals", String.class).orElse("3");
        String window = env.getProperty(PREFIX + "significant-change-window", String.class)
                .orElse("1h");
        // optional: off unless configured, since a top-up is news only to whoever waits for one
        String topUpWindow =
                env.getProperty(PREFIX + "top-up-settled-window", String.class).orElse("off");
        Map<?, ?> lowLimitConfig =
                env.getProperty(PREFIX + "low-limit", Map.class).orElse(Map.of());
        if (lowLimitConfig.isEmpty()) {
            lowLimitConfig = Map.of("default", "10"); // remaining below 10 %, i.e. utilization above 90 %
        }
        List<LowLimitAlertRule> lowLimit = new ArrayList<>();
        lowLimitConfig.forEach((period, pct) -> {
            String name = String.valueOf(period).toLowerCase(Locale.ROOT);
            lowLimit.add(new LowLimitAlertRule(
                    name.equals("default") ? Optional.empty() : Optional.of(LimitPeriod.fromApiName(name)),
                    new BigDecimal(String.valueOf(pct))));
        });
        List<DeliveryTarget> targets = new ArrayList<>();
        Object deliver = env.getProperty(PREFIX + "deliver", Map.class).orElse(null);
        if (deliver == null) {
            targets.add(new DeliveryTarget.Log());
        } else {
            targets.addAll(com.balancehistory.bootstrap.report.DeliveryTargets.parse(PREFIX + "deliver", deliver));
        }
        return new AlertRules(
                reportSettings.lowBalance(),
                lowLimit,
                "off".equals(stale) ? Optional.empty() : Optional.of(new BigDecimal(stale)),
                "off".equals(window) ? Optional.empty() : Optional.of(duration(window)),
                "off".equals(topUpWindow) ? Optional.empty() : Optional.of(duration(topUpWindow)),
                reportSettings.intervals(),
                new Hysteresis(band),
                new AlertLifecycle(cooldown),
                targets);
    }

    static Duration duration(String text) {
        return com.balancehistory.bootstrap.report.DeliveryTargets.duration(text);
    }
}
