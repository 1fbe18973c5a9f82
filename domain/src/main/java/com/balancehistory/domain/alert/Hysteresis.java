package com.balancehistory.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A relative hysteresis band (0 ≤ band &lt; 1; 0.05 is 5 %). For a lower bound (a balance that must not fall below a
 * threshold) the condition is breached below the threshold and clears only at {@code threshold × (1 + band)} or more;
 * for an upper bound (an age that must not reach a limit) it is breached at the limit or above and clears only below
 * {@code limit × (1 - band)}. Comparison is exact: no rounding happens.
 */
public record Hysteresis(BigDecimal band) {

    public Hysteresis {
        Objects.requireNonNull(band, "band");
        if (band.signum() < 0 || band.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(
                    "the hysteresis band is at least 0 and below 1, got " + band.toPlainString());
        }
    }

    public static Hysteresis none() {
        return new Hysteresis(BigDecimal.ZERO);
    }

    public static Hysteresis of(String band) {
        return new Hysteresis(new BigDecimal(band));
    }

    /** A value that should stay at or above {@code threshold}: breached when strictly below it. */
    public Condition lowerBound(BigDecimal value, BigDecimal threshold) {
        if (value.compareTo(threshold) < 0) {
            return Condition.BREACHED;
        }
        BigDecimal clearAt = threshold.abs().multiply(band).add(threshold);
        return value.compareTo(clearAt) >= 0 ? Condition.CLEAR : Condition.IN_BAND;
    }

    /** A value that should stay below {@code limit}: breached at the limit or above. */
    public Condition upperBound(BigDecimal value, BigDecimal limit) {
        if (value.compareTo(limit) >= 0) {
            return Condition.BREACHED;
        }
        BigDecimal clearBelow = limit.subtract(limit.abs().multiply(band));
        return value.compareTo(clearBelow) < 0 ? Condition.CLEAR : Condition.IN_BAND;
    }
}
