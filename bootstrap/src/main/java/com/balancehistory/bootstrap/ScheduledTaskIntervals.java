package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.Map;

/**
 * Checks the intervals the {@code @Scheduled} tasks read, before Micronaut schedules them: a zero or unreadable
 * {@code tick} would otherwise stop the start with the executor's bare {@code IllegalArgumentException}, naming
 * no key. A context bean, so it runs before the start-up event on which the tasks are scheduled.
 */
@Context
final class ScheduledTaskIntervals {

    /** Each key a {@code @Scheduled} annotation names, with the default that annotation gives it. */
    static final Map<String, Duration> KEYS = Map.of(
            "balance-history.scheduler.tick", Duration.ofSeconds(5),
            "balance-history.reports.tick", Duration.ofSeconds(30),
            "balance-history.outbox.every", Duration.ofSeconds(2),
            "balance-history.rollup.every", Duration.ofMinutes(10));

    ScheduledTaskIntervals(Environment environment) {
        KEYS.forEach((key, fallback) -> BoundValues.positiveDuration(
                environment, key, environment.getProperty(key, Duration.class).orElse(null), fallback));
    }
}
