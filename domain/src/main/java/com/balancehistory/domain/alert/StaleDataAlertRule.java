package com.balancehistory.domain.alert;

import com.balancehistory.domain.source.Staleness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A source without a successful poll for {@link Staleness#intervals()} of its poll intervals: breached at that age
 * or older, clearing below it by the hysteresis band; a source never polled successfully is breached outright.
 */
public record StaleDataAlertRule(Staleness staleness) {

    public StaleDataAlertRule {
        Objects.requireNonNull(staleness, "staleness");
    }

    /**
     * The reading of one source at {@code now}.
     *
     * @param lastError the error of its newest failed poll, told only while its polls keep failing
     */
    public AlertReading read(
            String source,
            Duration interval,
            Optional<Instant> lastSuccessAt,
            int consecutiveFailures,
            Optional<String> lastError,
            Instant now,
            Hysteresis hysteresis) {
        BigDecimal limit = staleness.intervals();
        AlertKey key = new AlertKey(AlertKind.STALE_DATA, source);
        if (lastSuccessAt.isEmpty()) {
            return new AlertReading(
                    key,
                    Condition.BREACHED,
                    source,
                    Optional.empty(),
                    Optional.of(limit),
                    Optional.of("intervals"),
                    "source " + source + " has never been polled successfully (" + consecutiveFailures
                            + " failed polls)");
        }
        BigDecimal intervals = Staleness.intervalsSince(lastSuccessAt.get(), now, interval);
        Condition condition = hysteresis.upperBound(intervals, limit);
        return new AlertReading(
                key,
                condition,
                source,
                Optional.of(intervals),
                Optional.of(limit),
                Optional.of("intervals"),
                "source " + source
                        + ": last successful poll "
                        + lastSuccessAt.get() + ", " + intervals.toPlainString()
                        + " poll intervals of " + interval + " ago (limit " + limit.toPlainString() + ")"
                        + lastError
                                .filter(e -> consecutiveFailures > 0)
                                .map(e -> "; last error: " + e)
                                .orElse(""));
    }
}
