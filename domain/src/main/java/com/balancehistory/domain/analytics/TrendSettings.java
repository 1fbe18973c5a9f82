package com.balancehistory.domain.analytics;

import java.time.Duration;
import java.util.Objects;

/**
 * How much history a burn rate and depletion forecast need: at least {@code minPoints} points (2 or more) spanning at
 * least {@code minSpan} (positive). Fewer would extrapolate a whole day, or a depletion date, from noise.
 */
public record TrendSettings(int minPoints, Duration minSpan) {

    public TrendSettings {
        Objects.requireNonNull(minSpan, "minSpan");
        if (minPoints < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 points, got " + minPoints);
        }
        if (minSpan.isNegative() || minSpan.isZero()) {
            throw new IllegalArgumentException("the minimum span of a trend must be positive, got " + minSpan);
        }
    }

    /** Two points at least one hour apart. */
    public static TrendSettings defaults() {
        return new TrendSettings(2, Duration.ofHours(1));
    }
}
