package com.balancehistory.bootstrap.alert;

import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.port.in.query.ActiveAlertsQuery;
import com.balancehistory.application.port.out.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.service.alert.AlertQueryService;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.alert.EvaluateAlertsService;
import com.balancehistory.application.service.report.DeliveryService;
import com.balancehistory.application.service.report.ReportSettings;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Issue 6: alert rules from configuration, the alert lifecycle store, evaluation and notifications. */
@Factory
class AlertsFactory {

    @Singleton
    JooqAlertStateStore alertStateStore(DSLContext dsl) {
        return new JooqAlertStateStore(dsl);
    }

    @Singleton
    EvaluateAlertsService evaluateAlertsService(JooqAsOfSnapshots snapshots, JooqAlertStateStore store,
                                                ReportSettings reportSettings, DeliveryService delivery,
                                                ReportRenderer renderer, Clock clock, Environment environment) {
        return new EvaluateAlertsService(snapshots, store, rules(environment, reportSettings), delivery, renderer,
                clock);
    }

    /** The API's active alerts come from the recorded lifecycle instead of being computed on every call. */
    @Singleton
    @Primary
    AlertQueryService alertQueryService(JooqAlertStateStore store) {
        return new AlertQueryService(store);
    }

    static AlertRules rules(Environment env, ReportSettings reportSettings) {
        String prefix = "balance-history.alerts.";
        BigDecimal band = new BigDecimal(env.getProperty(prefix + "hysteresis", String.class).orElse("0.05"));
        Duration cooldown = duration(env.getProperty(prefix + "cooldown", String.class).orElse("15m"));
        String stale = env.getProperty(prefix + "stale-intervals", String.class).orElse("3");
        String window = env.getProperty(prefix + "significant-change-window", String.class).orElse("1h");
        List<AlertRules.LowBalance> lowBalance = new ArrayList<>();
        env.getProperty(prefix + "low-balance", List.class).ifPresent(list -> {
            for (Object item : (List<?>) list) {
                if (item instanceof Map<?, ?> rule) {
                    lowBalance.add(lowBalance(rule));
                }
            }
        });
        List<AlertRules.LowLimit> lowLimit = new ArrayList<>();
        env.getProperty(prefix + "low-limit", Map.class).ifPresent(map -> ((Map<?, ?>) map).forEach((period, pct) -> {
            String name = String.valueOf(period).toLowerCase(Locale.ROOT);
            lowLimit.add(new AlertRules.LowLimit(name.equals("default") ? Optional.empty()
                    : Optional.of(LimitPeriod.fromApiName(name)), new BigDecimal(String.valueOf(pct))));
        }));
        List<DeliveryTarget> targets = new ArrayList<>();
        Object deliver = env.getProperty(prefix + "deliver", Map.class).orElse(null);
        if (deliver == null) {
            targets.add(new DeliveryTarget.Log());
        } else {
            targets.addAll(com.balancehistory.bootstrap.report.DeliveryTargets.parse(prefix + "deliver", deliver));
        }
        return new AlertRules(lowBalance, lowLimit,
                "off".equals(stale) ? Optional.empty() : Optional.of(new BigDecimal(stale)),
                "off".equals(window) ? Optional.empty() : Optional.of(duration(window)),
                reportSettings.intervals(), new Hysteresis(band), new AlertLifecycle(cooldown), targets);
    }

    /** {@code {account: id | currency: USD, below: "500" | "10% of initial" | "5% of total"}}. */
    static AlertRules.LowBalance lowBalance(Map<?, ?> rule) {
        String below = String.valueOf(rule.get("below")).strip().toLowerCase(Locale.ROOT);
        AlertRules.Measure measure = AlertRules.Measure.AMOUNT;
        if (below.endsWith("of initial")) {
            measure = AlertRules.Measure.PERCENT_OF_INITIAL;
        } else if (below.endsWith("of total")) {
            measure = AlertRules.Measure.PERCENT_OF_TOTAL;
        }
        String number = below.replaceAll("%.*$", "").replace("of initial", "").replace("of total", "").strip();
        return new AlertRules.LowBalance(Optional.ofNullable(rule.get("account")).map(String::valueOf),
                Optional.ofNullable(rule.get("currency")).map(c -> String.valueOf(c).toUpperCase(Locale.ROOT)),
                measure, new BigDecimal(number));
    }

    static Duration duration(String text) {
        return com.balancehistory.bootstrap.report.DeliveryTargets.duration(text);
    }
}
