package com.balancehistory.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of one alert's condition: where it stands, the value and threshold compared (in {@code unit}, a
 * currency code, {@code percent} or {@code intervals}), the source it concerns and a sentence for people.
 */
public record AlertReading(
        AlertKey key,
        Condition condition,
        String source,
        Optional<BigDecimal> value,
        Optional<BigDecimal> threshold,
        Optional<String> unit,
        String message) {

    public AlertReading {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
        value = value == null ? Optional.empty() : value;
        threshold = threshold == null ? Optional.empty() : threshold;
        unit = unit == null ? Optional.empty() : unit;
        Objects.requireNonNull(message, "message");
    }

    /** A reading for a key that is no longer evaluated (the account or rule is gone): it ends an active alert. */
    public static AlertReading noLongerEvaluated(AlertState state) {
        return new AlertReading(
                state.key(),
                Condition.CLEAR,
                state.source(),
                Optional.empty(),
                Optional.empty(),
                state.unit(),
                state.key() + " is no longer evaluated (account or rule gone)");
    }
}
