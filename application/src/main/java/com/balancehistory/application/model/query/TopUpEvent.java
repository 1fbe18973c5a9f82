package com.balancehistory.application.model.query;

import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A top-up: an increase of an account's balance beyond the configured noise, as recorded with the poll that first saw
 * the new balance ({@code observedAt}); {@code amount} is {@code available - previous}.
 */
public record TopUpEvent(
        String accountId, Instant observedAt, long pollId, Money previous, Money available, Money amount) {

    public TopUpEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(amount, "amount");
        if (!amount.equals(available.minus(previous)) || !amount.isPositive()) {
            throw new IllegalArgumentException("a top-up is a positive available - previous, got " + amount);
        }
    }
}
