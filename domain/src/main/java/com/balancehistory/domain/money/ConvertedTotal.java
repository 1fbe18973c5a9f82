package com.balancehistory.domain.money;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MoneyBag} expressed in one target currency, with the rates that were used. When some currency had no rate
 * its amount is left out (never guessed) and listed in {@code missingRates}; the total is then {@linkplain #partial()
 * partial}.
 */
public record ConvertedTotal(Money total, List<FxRate> ratesUsed, List<Currency> missingRates) {

    public ConvertedTotal {
        Objects.requireNonNull(total, "total");
        ratesUsed = List.copyOf(ratesUsed);
        missingRates = missingRates.stream()
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .toList();
        for (FxRate rate : ratesUsed) {
            if (!rate.to().equals(total.currency())) {
                throw new IllegalArgumentException(
                        "rate " + rate.from() + "->" + rate.to() + " does not convert into " + total.currencyCode());
            }
        }
    }

    public Currency target() {
        return total.currency();
    }

    /** True when at least one currency in the bag had no rate and was left out of the total. */
    public boolean partial() {
        return !missingRates.isEmpty();
    }
}
