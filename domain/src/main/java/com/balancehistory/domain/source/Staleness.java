package com.balancehistory.domain.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a source's values stop counting as current: once more than {@code intervals} of its poll intervals have passed
 * since they were observed (or since its last successful poll). Balances, card limits, the source list and reports
 * use {@link #DATA}; the stale-data alert applies the same rule with the count it is configured with.
 */
public record Staleness(BigDecimal intervals) {

    /** Data is stale after two poll intervals: one missed poll is tolerated, two are not. */
    public static final Staleness DATA = afterIntervals(BigDecimal.valueOf(2));

    public Staleness {
        Objects.requireNonNull(intervals, "intervals");
        if (intervals.signum() <= 0) {
            throw new IllegalArgumentException("staleness needs a positive number of poll intervals, got " + intervals);
        }
    }

    public static Staleness afterIntervals(BigDecimal intervals) {
        return new Staleness(intervals);
    }

    /** The instant before which an observation of a source polled every {@code interval} is stale at {@code now}. */
    public Instant cutoff(Instant now, Duration interval) {
        BigDecimal nanos = new BigDecimal(interval.toNanos()).multiply(intervals);
        return now.minus(Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact()));
    }

    /** Whether a value observed at {@code observedAt} is stale at {@code now}: strictly older than the cutoff. */
    public boolean isStale(Instant observedAt, Instant now, Duration interval) {
        return observedAt.isBefore(cutoff(now, interval));
    }

    /**
     * How many poll intervals have passed since {@code since}, to two decimals rounded down (so a source is never
     * reported older than it is): what the stale-data alert compares with {@link #intervals()}.
     */
    public static BigDecimal intervalsSince(Instant since, Instant now, Duration interval) {
        Duration age = Duration.between(since, now);
        return BigDecimal.valueOf(age.toMillis()).divide(BigDecimal.valueOf(interval.toMillis()), 2, RoundingMode.DOWN);
    }
}
