package com.balancehistory.domain.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MoneyBag} expressed in one target currency as of an instant, with every rate used. A currency without a
 * rate is left out (never guessed, never taken 1:1) and listed with its amount in {@code leftOut}; the total is then
 * {@linkplain #partial() partial}.
 *
 * @param total   the sum, rounded once ({@link #ROUNDING})
 * @param rates   one per converted currency, sorted by source currency
 * @param leftOut the amounts of currencies that had no rate at {@code asOf}, sorted by currency
 */
public record ConvertedTotal(Money total, Instant asOf, List<AppliedRate> rates, List<Money> leftOut) {

    /** How the total is rounded, stated in every answer that carries it. */
    public static final String ROUNDING = "half-even at target scale once";

    public ConvertedTotal {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(asOf, "asOf");
        rates = rates.stream()
                .sorted(Comparator.comparing(r -> r.rate().from().getCurrencyCode()))
                .toList();
        leftOut = leftOut.stream()
                .sorted(Comparator.comparing(Money::currencyCode))
                .toList();
        for (AppliedRate applied : rates) {
            if (!applied.rate().to().equals(total.currency())) {
                throw new IllegalArgumentException(
                        "rate " + applied.rate().pair() + " does not convert into " + total.currencyCode());
            }
        }
    }

    public Currency target() {
        return total.currency();
    }

    /** True when at least one currency had no rate and was left out of the total. */
    public boolean partial() {
        return !leftOut.isEmpty();
    }

    public List<Currency> missingCurrencies() {
        return leftOut.stream().map(Money::currency).toList();
    }

    public boolean anyStale() {
        return rates.stream().anyMatch(AppliedRate::stale);
    }

    /**
     * One rate as applied: the currency total it converted and the exact, unrounded product that went into the sum.
     */
    public record AppliedRate(FxRate rate, Money amount, BigDecimal product, boolean stale) {
        public AppliedRate {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(product, "product");
        }
    }
}
