package com.balancehistory.adapters.persistence;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When an increase of a balance is a top-up rather than noise (interest, a rounding correction, a small refund): it
 * is more than {@code amountByCurrency} for its currency (where configured, as plain decimals per ISO code) and more
 * than {@code percentOfPrevious} percent of the previous balance (where configured). With neither configured, every
 * increase is a top-up. An increase of a card-limit account is its limit's reset and never a top-up.
 */
public record TopUpNoise(Map<String, BigDecimal> amountByCurrency, Optional<BigDecimal> percentOfPrevious) {

    public TopUpNoise {
        amountByCurrency = Map.copyOf(amountByCurrency);
        Objects.requireNonNull(percentOfPrevious, "percentOfPrevious");
        amountByCurrency.forEach((currency, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("top-up noise for " + currency + " must not be negative: " + amount);
            }
        });
        percentOfPrevious.ifPresent(percent -> {
            if (percent.signum() < 0) {
                throw new IllegalArgumentException("top-up noise percent must not be negative: " + percent);
            }
        });
    }

    /** No noise: every increase of a balance is a top-up. */
    public static TopUpNoise none() {
        return new TopUpNoise(Map.of(), Optional.empty());
    }
}
