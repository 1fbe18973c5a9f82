package com.balancehistory.adapters.persistence;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * When a balance change is significant: its size is at least {@code percentOfPrevious} percent of the previous
 * balance, or at least the absolute amount configured for its currency (given as plain decimals per ISO code).
 */
public record ChangeSignificance(BigDecimal percentOfPrevious, Map<String, BigDecimal> absoluteByCurrency) {

    public ChangeSignificance {
        Objects.requireNonNull(percentOfPrevious, "percentOfPrevious");
        if (percentOfPrevious.signum() < 0) {
            throw new IllegalArgumentException("significant change percent must not be negative: " + percentOfPrevious);
        }
        absoluteByCurrency = Map.copyOf(absoluteByCurrency);
    }

    /** The default: a change of 10% or more of the previous balance. */
    public static ChangeSignificance defaults() {
        return new ChangeSignificance(BigDecimal.TEN, Map.of());
    }
}
