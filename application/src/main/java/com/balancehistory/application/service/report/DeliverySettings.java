package com.balancehistory.application.service.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries are retried: at most {@code maxAttempts} per target, waiting {@code initialBackoff} after the first
 * failure and twice as long after each further one, never more than {@code maxBackoff}.
 */
public record DeliverySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public DeliverySettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one delivery attempt, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be non-negative and the cap at least the first wait");
        }
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(5, Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    /** The wait after failed attempt {@code attempt} (1-based): initial × 2^(attempt-1), capped. */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
