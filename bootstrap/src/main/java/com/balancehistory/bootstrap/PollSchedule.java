package com.balancehistory.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.scheduling.cron.CronExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** When a source is polled: every {@code interval}, or at the times of a cron expression in a time zone. */
sealed interface PollSchedule {

    Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    /** The next due time after {@code now}. */
    Instant nextAfter(Instant now);

    /** The typical gap between polls, used to call data stale after twice this long. */
    Duration typicalInterval();

    record Every(Duration interval) implements PollSchedule {
        @Override
        public Instant nextAfter(Instant now) {
            return now.plus(interval);
        }

        @Override
        public Duration typicalInterval() {
            return interval;
        }
    }

    record Cron(String expression, ZoneId zone) implements PollSchedule {
        public Cron {
            try {
                CronExpression.create(expression);
            } catch (RuntimeException e) {
                throw new ConfigurationException(
                        "cron '" + expression + "' is not a valid cron expression: " + e.getMessage());
            }
        }

        @Override
        public Instant nextAfter(Instant now) {
            return CronExpression.create(expression)
                    .nextTimeAfter(now.atZone(zone))
                    .toInstant();
        }

        @Override
        public Duration typicalInterval() {
            Instant first =
                    nextAfter(Instant.EPOCH.atZone(ZoneOffset.UTC).plusYears(56).toInstant());
            return Duration.between(first, nextAfter(first));
        }
    }
}
