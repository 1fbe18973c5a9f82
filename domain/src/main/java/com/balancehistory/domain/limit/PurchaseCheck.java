package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * Whether one purchase fits a card's limits: it fits when the amount is at most the remaining amount of every period;
 * otherwise {@code brokenLimits} lists each period it would exceed, in period order, with the shortfall.
 */
public record PurchaseCheck(Money amount, List<BrokenLimit> brokenLimits) {

    /** A period a purchase would exceed, with how much is missing ({@code amount - remaining}, always positive). */
    public record BrokenLimit(LimitPeriod period, Money remaining, Money shortfall) {
        public BrokenLimit {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(shortfall, "shortfall");
            if (!shortfall.isPositive()) {
                throw new IllegalArgumentException("a broken limit has a positive shortfall, got " + shortfall);
            }
        }
    }

    public PurchaseCheck {
        Objects.requireNonNull(amount, "amount");
        brokenLimits = List.copyOf(brokenLimits);
    }

    /**
     * Checks a purchase against the card's limits. The purchase must be in the card's currency (otherwise
     * {@link com.balancehistory.domain.money.CurrencyMismatchException}: nothing is converted) and not negative.
     */
    public static PurchaseCheck of(CardLimits limits, Money amount) {
        limits.requireCardCurrency(amount, "purchase");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a purchase cannot be negative: " + amount);
        }
        List<BrokenLimit> broken = limits.remaining().entrySet().stream()
                .filter(entry -> amount.isGreaterThan(entry.getValue()))
                .map(entry -> new BrokenLimit(entry.getKey(), entry.getValue(), amount.minus(entry.getValue())))
                .toList();
        return new PurchaseCheck(amount, broken);
    }

    public boolean fits() {
        return brokenLimits.isEmpty();
    }

    public List<LimitPeriod> brokenPeriods() {
        return brokenLimits.stream().map(BrokenLimit::period).toList();
    }
}
