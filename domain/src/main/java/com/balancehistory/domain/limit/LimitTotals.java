package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured total of a card's spending limit per period (for example 500 USD daily), all in one currency.
 * Providers usually report only what remains, so totals come from configuration and may cover only some periods.
 */
public record LimitTotals(Map<LimitPeriod, Money> totals) {

    private static final LimitTotals NONE = new LimitTotals(Map.of());

    public LimitTotals {
        Objects.requireNonNull(totals, "totals");
        Money first = totals.values().stream().findFirst().orElse(null);
        totals.forEach((period, total) -> {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(total, period + " total");
            if (!total.hasCurrency(first.currency())) {
                throw new CurrencyMismatchException("limit totals must share one currency: " + first.currencyCode()
                        + " and " + total.currencyCode());
            }
            if (total.isNegative()) {
                throw new IllegalArgumentException(period.apiName() + " limit total is negative: " + total);
            }
        });
        totals = totals.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(totals));
    }

    /** No configured totals: only remaining amounts are known. */
    public static LimitTotals none() {
        return NONE;
    }

    public static LimitTotals of(Map<LimitPeriod, Money> totals) {
        return new LimitTotals(totals);
    }

    public Optional<Money> total(LimitPeriod period) {
        return Optional.ofNullable(totals.get(period));
    }
}
