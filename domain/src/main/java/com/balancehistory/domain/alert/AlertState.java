package com.balancehistory.domain.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one alert's lifecycle stands: active since {@code firedAt}, or resolved at {@code resolvedAt}. The values
 * are those of the last transition. {@code version} grows with every transition, so two instances cannot both apply
 * one.
 */
public record AlertState(
        AlertKey key,
        boolean active,
        String source,
        Optional<BigDecimal> value,
        Optional<BigDecimal> threshold,
        Optional<String> unit,
        String message,
        Instant firedAt,
        Optional<Instant> resolvedAt,
        long version) {

    public AlertState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        value = value == null ? Optional.empty() : value;
        threshold = threshold == null ? Optional.empty() : threshold;
        unit = unit == null ? Optional.empty() : unit;
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(firedAt, "firedAt");
        resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
        if (active == resolvedAt.isPresent()) {
            throw new IllegalArgumentException("an active alert has no resolution time, a resolved one has one");
        }
    }

    static AlertState fired(AlertReading reading, Instant at, long version) {
        return new AlertState(
                reading.key(),
                true,
                reading.source(),
                reading.value(),
                reading.threshold(),
                reading.unit(),
                reading.message(),
                at,
                Optional.empty(),
                version);
    }

    AlertState resolved(AlertReading reading, Instant at) {
        return new AlertState(
                key,
                false,
                source,
                reading.value(),
                reading.threshold(),
                reading.unit().or(() -> unit),
                reading.message(),
                firedAt,
                Optional.of(at),
                version + 1);
    }
}
