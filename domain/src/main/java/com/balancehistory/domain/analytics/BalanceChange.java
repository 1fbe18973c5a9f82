package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A change between two consecutive balance snapshots of one account, and whether it is significant under the
 * {@link ChangeDetector} that found it.
 */
public record BalanceChange(Money previous, Money current, Money change, boolean significant) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BalanceChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(change, "change");
        if (!change.equals(current.minus(previous))) {
            throw new IllegalArgumentException(
                    "change must be current - previous: " + current + " - " + previous + " is not " + change);
        }
    }

    public static BalanceChange between(Money previous, Money current, boolean significant) {
        return new BalanceChange(previous, current, current.minus(previous), significant);
    }

    public boolean isIncrease() {
        return change.isPositive();
    }

    public boolean isDecrease() {
        return change.isNegative();
    }

    /**
     * The change as a percentage of {@code |previous|}, scale 2 rounded {@link RoundingMode#HALF_UP}, signed like
     * the change; empty when the previous balance was zero.
     */
    public Optional<BigDecimal> percentOfPrevious() {
        if (previous.isZero()) {
            return Optional.empty();
        }
        return Optional.of(
                change.amount().multiply(HUNDRED).divide(previous.amount().abs(), 2, RoundingMode.HALF_UP));
    }
}
