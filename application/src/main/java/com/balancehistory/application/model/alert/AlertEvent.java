package com.balancehistory.application.model.alert;

import com.balancehistory.domain.alert.AlertKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A recorded firing or resolution of an alert, with the values that caused it. */
public record AlertEvent(
        long id,
        AlertKey key,
        Type type,
        Instant occurredAt,
        String source,
        Optional<BigDecimal> value,
        Optional<BigDecimal> threshold,
        Optional<String> unit,
        String message,
        Instant firedAt) {

    /** Whether the alert started or ended. */
    public enum Type {
        FIRED,
        RESOLVED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        value = value == null ? Optional.empty() : value;
        threshold = threshold == null ? Optional.empty() : threshold;
        unit = unit == null ? Optional.empty() : unit;
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(firedAt, "firedAt");
    }
}
