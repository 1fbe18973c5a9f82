package com.balancehistory.bootstrap.report;

import com.balancehistory.application.service.report.ReportSchedule;
import com.balancehistory.bootstrap.BoundValues;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.money.CurrencyCodes;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.scheduling.cron.CronExpression;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The bound {@code balance-history.reports.schedules} as the application's {@link ReportSchedule}s. */
final class ReportSchedules {

    static final String DEFAULT_CRON = "0 0 6 * * *";

    private ReportSchedules() {}

    /** The enabled schedules, or one daily 06:00 UTC allocation report when none is configured. */
    static List<ReportSchedule> of(Environment environment, List<ReportScheduleProperties> configured) {
        if (configured.isEmpty()) {
            return List.of(schedule(
                    environment,
                    new ReportScheduleProperties("daily", null, null, null, null, null, null, null, null)));
        }
        List<ReportSchedule> schedules = new ArrayList<>();
        configured.stream()
                .sorted(Comparator.comparing(ReportScheduleProperties::name))
                .filter(settings -> !Boolean.FALSE.equals(BoundValues.readable(
                        environment, settings.key() + ".enabled", settings.enabled(), "true or false")))
                .forEach(settings -> schedules.add(schedule(environment, settings)));
        return schedules;
    }

    private static ReportSchedule schedule(Environment environment, ReportScheduleProperties settings) {
        String key = settings.key();
        String cron = textOr(settings.cron(), DEFAULT_CRON);
        CronExpression expression;
        try {
            expression = CronExpression.create(cron);
        } catch (RuntimeException e) {
            throw new ConfigurationException(key + ".cron: '" + cron + "' is not a cron expression", e);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(textOr(settings.zone(), "UTC"));
        } catch (DateTimeException e) {
            throw new ConfigurationException(key + ".zone: " + e.getMessage(), e);
        }
        boolean catchUp = !Boolean.FALSE.equals(
                BoundValues.readable(environment, key + ".catch-up", settings.catchUp(), "true or false"));
        Optional<String> groupBy = Optional.ofNullable(textOr(settings.groupBy(), null))
                .map(value -> {
                    try {
                        return Label.requireKey(value);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigurationException(key + ".group-by: " + e.getMessage(), e);
                    }
                });
        return new ReportSchedule(
                settings.name(),
                textOr(settings.type(), "allocation"),
                now -> expression.nextTimeAfter(now.atZone(zone)).toInstant(),
                catchUp,
                settings.deliver() == null ? List.of() : settings.deliver().targets(environment, key + ".deliver"),
                groupBy,
                convertTo(key + ".convert-to", settings.convertTo()));
    }

    /** {@code convert-to: EUR}: the ISO 4217 currency the schedule's reports convert their totals into. */
    static Optional<Currency> convertTo(String key, String code) {
        if (textOr(code, null) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CurrencyCodes.require(code.strip()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": " + e.getMessage(), e);
        }
    }

    private static String textOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
