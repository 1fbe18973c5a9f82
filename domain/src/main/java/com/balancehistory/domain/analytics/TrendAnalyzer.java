package com.balancehistory.domain.analytics;

import com.balancehistory.domain.analytics.DepletionForecast.Outlook;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the {@link BalanceTrend} of one account's balance history over a time window.
 *
 * <ul>
 *   <li><b>Burn</b> counts decreases only: a top-up or a limit reset (an increase) is not negative burn, so a card
 *       that is refilled still shows what it spends. Average daily burn = sum of decreases / elapsed days between the
 *       first and last point, where a day is exactly 86,400 seconds of {@link Instant} time (no calendar, no DST),
 *       rounded half-even to the currency's scale.</li>
 *   <li><b>Depletion</b> is projected from the last observation, not from {@code now}: the last balance divided by the
 *       exact (unrounded) burn rate, added to the last point's instant and truncated to whole seconds. Anchoring on
 *       the observation keeps the projection the same whenever it is asked for. A balance already at or below zero
 *       is {@link Outlook#ALREADY_DEPLETED}, whatever the history.</li>
 * </ul>
 */
public record TrendAnalyzer(TrendSettings settings) {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_SCALE = 2;
    private static final int SECONDS_SCALE = 9;

    public TrendAnalyzer {
        Objects.requireNonNull(settings, "settings");
    }

    public static TrendAnalyzer withDefaults() {
        return new TrendAnalyzer(TrendSettings.defaults());
    }

    /**
     * The trend of the points within {@code [now - window, now]} (both ends included; points outside are ignored).
     * Points may come in any order; they are sorted by instant, and points at the same instant keep their input
     * order. All points must be in one currency.
     */
    public BalanceTrend analyze(List<BalancePoint> points, Duration window, Instant now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isNegative()) {
            throw new IllegalArgumentException("a trend window cannot be negative: " + window);
        }
        requireOneCurrency(points);
        // an "all history" window such as Duration.ofDays(Long.MAX_VALUE / 86_400) must not overflow Instant
        Instant from = window.compareTo(Duration.between(Instant.MIN, now)) >= 0 ? Instant.MIN : now.minus(window);
        List<BalancePoint> inWindow = points.stream()
                .filter(point -> !point.at().isBefore(from) && !point.at().isAfter(now))
                .sorted(Comparator.comparing(BalancePoint::at))
                .toList();
        return analyzeInWindow(inWindow, inWindow.size());
    }

    /**
     * The trend of a window's samples given in summary, as {@link #analyze} gives it for all of them: {@code keyPoints}
     * are samples of the window (at most {@code sampleCount}, ordered by instant) that keep the first and the last
     * sample and both sides of every change of value, so the samples left out repeat the value of their neighbours and
     * change neither the change nor the burn; {@code sampleCount} is how many samples the window holds, which the
     * minimum number of points is judged by. The trend's points are the key points.
     */
    public BalanceTrend analyzeSummary(List<BalancePoint> keyPoints, long sampleCount, Duration window, Instant now) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isNegative()) {
            throw new IllegalArgumentException("a trend window cannot be negative: " + window);
        }
        if (sampleCount < keyPoints.size() || (keyPoints.size() < 2 && sampleCount != keyPoints.size())) {
            throw new IllegalArgumentException(
                    "a summary keeps the first and last of its samples: " + keyPoints.size() + " of " + sampleCount);
        }
        requireOneCurrency(keyPoints);
        Instant from = window.compareTo(Duration.between(Instant.MIN, now)) >= 0 ? Instant.MIN : now.minus(window);
        for (BalancePoint point : keyPoints) {
            if (point.at().isBefore(from) || point.at().isAfter(now)) {
                throw new IllegalArgumentException("a summarised sample lies outside the window: " + point.at());
            }
        }
        return analyzeInWindow(List.copyOf(keyPoints), sampleCount);
    }

    private BalanceTrend analyzeInWindow(List<BalancePoint> inWindow, long sampleCount) {
        if (inWindow.isEmpty()) {
            return new BalanceTrend(
                    inWindow,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    DepletionForecast.none(Outlook.NOT_ENOUGH_HISTORY));
        }
        BalancePoint first = inWindow.get(0);
        BalancePoint last = inWindow.get(inWindow.size() - 1);
        Optional<Money> change = inWindow.size() < 2
                ? Optional.empty()
                : Optional.of(last.balance().minus(first.balance()));
        Optional<BigDecimal> percentChange = change.flatMap(delta -> percentOf(delta, first.balance()));

        Duration span = Duration.between(first.at(), last.at());
        boolean enoughHistory = sampleCount >= settings.minPoints() && span.compareTo(settings.minSpan()) >= 0;
        if (!enoughHistory) {
            Outlook reason = last.balance().isPositive() ? Outlook.NOT_ENOUGH_HISTORY : Outlook.ALREADY_DEPLETED;
            return new BalanceTrend(inWindow, change, percentChange, Optional.empty(), DepletionForecast.none(reason));
        }
        Money burnt = totalDecrease(inWindow);
        BigDecimal spanSeconds = seconds(span);
        BigDecimal burnPerDay = burnt.amount()
                .multiply(SECONDS_PER_DAY)
                .divide(spanSeconds, burnt.amount().scale(), RoundingMode.HALF_EVEN);
        Optional<Money> averageDailyBurn = Optional.of(Money.of(burnPerDay, burnt.currency()));
        return new BalanceTrend(inWindow, change, percentChange, averageDailyBurn, forecast(last, burnt, spanSeconds));
    }

    private static DepletionForecast forecast(BalancePoint last, Money burnt, BigDecimal spanSeconds) {
        if (!last.balance().isPositive()) {
            return DepletionForecast.none(Outlook.ALREADY_DEPLETED);
        }
        if (burnt.isZero()) {
            return DepletionForecast.none(Outlook.NOT_DECREASING);
        }
        // balance / (burnt / span), kept exact until the final truncation to whole seconds
        BigDecimal secondsLeft =
                last.balance().amount().multiply(spanSeconds).divide(burnt.amount(), 0, RoundingMode.DOWN);
        BigDecimal secondsToEndOfTime =
                BigDecimal.valueOf(Instant.MAX.getEpochSecond() - last.at().getEpochSecond());
        if (secondsLeft.compareTo(secondsToEndOfTime) >= 0) {
            return DepletionForecast.none(Outlook.BEYOND_HORIZON);
        }
        return DepletionForecast.projected(last.at().plusSeconds(secondsLeft.longValueExact()));
    }

    private static Money totalDecrease(List<BalancePoint> points) {
        Money burnt = Money.zero(points.get(0).balance().currency());
        for (int i = 1; i < points.size(); i++) {
            Money step = points.get(i).balance().minus(points.get(i - 1).balance());
            if (step.isNegative()) {
                burnt = burnt.minus(step);
            }
        }
        return burnt;
    }

    private static Optional<BigDecimal> percentOf(Money change, Money base) {
        if (base.isZero()) {
            return Optional.empty();
        }
        return Optional.of(
                change.amount().multiply(HUNDRED).divide(base.amount().abs(), PERCENT_SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), SECONDS_SCALE));
    }

    private static void requireOneCurrency(List<BalancePoint> points) {
        if (points.isEmpty()) {
            return;
        }
        Money first = points.get(0).balance();
        for (BalancePoint point : points) {
            if (!point.balance().hasCurrency(first.currency())) {
                throw new CurrencyMismatchException("a balance history has one currency: " + first.currencyCode()
                        + " and " + point.balance().currencyCode() + " at " + point.at());
            }
        }
    }
}
