package com.balancehistory.application.model.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one configured source is doing: its schedule, its last poll and last success, failures in a row, its circuit
 * breaker, and whether its data is stale (no success within twice its interval).
 *
 * @param interval     the fixed interval, when the source is not on a cron schedule
 * @param circuitState {@code closed}, {@code open} or {@code half-open} on this instance, empty for a provider
 *                     without a breaker
 * @param retryAt      when the provider said it may be called again (its Retry-After), while that is ahead
 */
public record SourceStatus(
        String name,
        String provider,
        Optional<Duration> interval,
        Optional<String> cron,
        Optional<String> cronZone,
        Optional<Instant> nextDueAt,
        Optional<LastPoll> lastPoll,
        Optional<Instant> lastSuccessAt,
        Optional<Duration> lastSuccessAge,
        int consecutiveFailures,
        Optional<String> circuitState,
        int accountsSeen,
        boolean stale,
        Optional<Instant> retryAt) {

    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }

    /** Failing: its last poll did not succeed. */
    public boolean failing() {
        return consecutiveFailures > 0;
    }

    /** The source's newest recorded poll. */
    public record LastPoll(long pollId, String outcome, Instant finishedAt) {}
}
