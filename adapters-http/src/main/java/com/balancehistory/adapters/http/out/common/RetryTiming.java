package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long to wait before a retry: capped exponential backoff with jitter, or what the provider's Retry-After says. */
final class RetryTiming {

    private final HttpSettings settings;
    private final ProviderRuntime runtime;

    RetryTiming(HttpSettings settings, ProviderRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    /** Backoff before retry number {@code retry + 1}: initial * 2^retry, capped, then between half and all of it. */
    Duration backoff(int retry) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long base = retry >= 30 ? cap : Math.min(cap, initial * (1L << retry));
        double factor = 0.5 + 0.5 * runtime.jitter().getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }

    /** A Retry-After header as a wait: delta-seconds or an HTTP-date (RFC 7231), relative to the clock. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(runtime.clock().instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
