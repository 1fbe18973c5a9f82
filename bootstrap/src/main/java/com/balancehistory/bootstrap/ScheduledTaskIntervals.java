package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the intervals the {@code @Scheduled} tasks read, before Micronaut schedules them: a zero or unreadable
 * {@code tick} would otherwise stop the start with the executor's bare {@code IllegalArgumentException}, naming
 * no key. A context bean, so it runs before the start-up event on which the tasks are scheduled.
 */
@Context
final class ScheduledTaskIntervals {

    static final String SCHEDULER_TICK = "balance-history.scheduler.tick";

    /** Each key a {@code @Scheduled} annotation names, with the default that annotation gives it. */
    static final Map<String, Duration> KEYS = Map.of(
            SCHEDULER_TICK,
            Duration.ofSeconds(5),
            "balance-history.reports.tick",
            Duration.ofSeconds(30),
            "balance-history.outbox.every",
            Duration.ofSeconds(2),
            "balance-history.rollup.every",
            Duration.ofMinutes(10));

    private final Map<String, Duration> intervals = new HashMap<>();

    ScheduledTaskIntervals(Environment environment) {
        KEYS.forEach((key, fallback) -> intervals.put(
                key,
                BoundValues.positiveDuration(
                        environment,
                        key,
                        environment.getProperty(key, Duration.class).orElse(null),
                        fallback)));
    }

    /** The checked interval of one of {@link #KEYS}: as configured, or the default its task uses. */
    Duration of(String key) {
        Duration interval = intervals.get(key);
        if (interval == null) {
            throw new IllegalArgumentException(key + " is not the interval of a scheduled task");
        }
        return interval;
    }
}
