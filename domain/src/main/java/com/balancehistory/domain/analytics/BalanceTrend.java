package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a balance moved over a window, as computed by {@link TrendAnalyzer}: the points used (oldest first), the
 * change from first to last, the average daily burn and the depletion forecast.
 *
 * <p>{@code change} and {@code percentChange} need at least two points; {@code percentChange} is
 * {@code (last - first) / |first| * 100} at scale 2, rounded {@link java.math.RoundingMode#HALF_UP}, and empty when
 * the first balance is zero. {@code averageDailyBurn} is present once there is enough history (see
 * {@link TrendSettings}).
 */
public record BalanceTrend(
        List<BalancePoint> points,
        Optional<Money> change,
        Optional<BigDecimal> percentChange,
        Optional<Money> averageDailyBurn,
        DepletionForecast depletion) {

    public BalanceTrend {
        points = List.copyOf(points);
        change = change == null ? Optional.empty() : change;
        percentChange = percentChange == null ? Optional.empty() : percentChange;
        averageDailyBurn = averageDailyBurn == null ? Optional.empty() : averageDailyBurn;
        Objects.requireNonNull(depletion, "depletion");
        averageDailyBurn.ifPresent(burn -> {
            if (burn.isNegative()) {
                throw new IllegalArgumentException("burn counts decreases only and cannot be negative: " + burn);
            }
        });
    }

    public Optional<BalancePoint> first() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(0));
    }

    public Optional<BalancePoint> last() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
