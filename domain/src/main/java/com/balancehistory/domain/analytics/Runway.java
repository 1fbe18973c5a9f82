package com.balancehistory.domain.analytics;

import com.balancehistory.domain.analytics.DepletionForecast.Outlook;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a balance lasts at its trend's average daily burn, and the top-up that makes it last {@code target}.
 *
 * <p>Everything follows from the burn the trend publishes ({@link BalanceTrend#averageDailyBurn()}, decreases only, so
 * top-ups and limit resets are not negative burn; already rounded half-even to the currency's scale), so a reader can
 * redo each figure from the answer alone:
 *
 * <ul>
 *   <li>{@code runwayDays} = balance / burn, scale 2, rounded down (a runway is never overstated);
 *   <li>{@code runsOutAt} = the balance's observation instant + balance / burn days (a day is 86,400 s), truncated to
 *       whole seconds; anchored on the observation, like the trend's depletion;
 *   <li>{@code topUp} = burn &times; target days &minus; balance, rounded <em>up</em> to the currency's minor unit
 *       (rounding down would leave the balance a fraction of a cent short of the target), and zero when the balance
 *       already lasts the target.
 * </ul>
 *
 * Without a burn (not enough history) there is neither a runway nor a top-up; a balance that did not go down lasts
 * any target (top-up zero); a balance at or below zero has a runway of zero days.
 */
public record Runway(
        Money balance,
        Instant observedAt,
        Duration target,
        Optional<Money> averageDailyBurn,
        Outlook outlook,
        Optional<BigDecimal> runwayDays,
        Optional<Instant> runsOutAt,
        Optional<Money> topUp) {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final int DAYS_SCALE = 2;

    public Runway {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outlook, "outlook");
        averageDailyBurn = averageDailyBurn == null ? Optional.empty() : averageDailyBurn;
        runwayDays = runwayDays == null ? Optional.empty() : runwayDays;
        runsOutAt = runsOutAt == null ? Optional.empty() : runsOutAt;
        topUp = topUp == null ? Optional.empty() : topUp;
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("a runway target must be positive, got " + target);
        }
        if ((outlook == Outlook.PROJECTED) != runsOutAt.isPresent()) {
            throw new IllegalArgumentException("runsOutAt is present exactly when a depletion is projected");
        }
        topUp.ifPresent(amount -> {
            if (amount.isNegative() || !amount.hasCurrency(balance.currency())) {
                throw new IllegalArgumentException("a top-up is a non-negative amount in the balance's currency");
            }
        });
    }

    /**
     * The runway of {@code balance} (observed at {@code observedAt}) at the burn of {@code trend}, and the top-up that
     * makes it last {@code target}.
     */
    public static Runway of(Money balance, Instant observedAt, BalanceTrend trend, Duration target) {
        Optional<Money> burn = trend.averageDailyBurn();
        if (burn.isPresent() && !burn.get().hasCurrency(balance.currency())) {
            throw new CurrencyMismatchException("a runway has one currency: " + balance.currencyCode() + " and "
                    + burn.get().currencyCode());
        }
        Optional<Money> topUp = burn.map(b -> topUp(balance, b, target));
        if (!balance.isPositive()) {
            return new Runway(
                    balance,
                    observedAt,
                    target,
                    burn,
                    Outlook.ALREADY_DEPLETED,
                    Optional.of(BigDecimal.ZERO.setScale(DAYS_SCALE)),
                    Optional.empty(),
                    topUp);
        }
        if (burn.isEmpty()) {
            return new Runway(
                    balance,
                    observedAt,
                    target,
                    burn,
                    Outlook.NOT_ENOUGH_HISTORY,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
        BigDecimal perDay = burn.get().amount();
        if (perDay.signum() == 0) {
            return new Runway(
                    balance,
                    observedAt,
                    target,
                    burn,
                    Outlook.NOT_DECREASING,
                    Optional.empty(),
                    Optional.empty(),
                    topUp);
        }
        BigDecimal days = balance.amount().divide(perDay, DAYS_SCALE, RoundingMode.DOWN);
        BigDecimal secondsLeft = balance.amount().multiply(SECONDS_PER_DAY).divide(perDay, 0, RoundingMode.DOWN);
        BigDecimal secondsToEndOfTime = BigDecimal.valueOf(Instant.MAX.getEpochSecond() - observedAt.getEpochSecond());
        if (secondsLeft.compareTo(secondsToEndOfTime) >= 0) {
            return new Runway(
                    balance,
                    observedAt,
                    target,
                    burn,
                    Outlook.BEYOND_HORIZON,
                    Optional.of(days),
                    Optional.empty(),
                    topUp);
        }
        return new Runway(
                balance,
                observedAt,
                target,
                burn,
                Outlook.PROJECTED,
                Optional.of(days),
                Optional.of(observedAt.plusSeconds(secondsLeft.longValueExact())),
                topUp);
    }

    /** Whether the balance needs money added to last the target (a positive top-up). */
    public boolean needsTopUp() {
        return topUp.map(Money::isPositive).orElse(false);
    }

    /** max(0, burn &times; target seconds / 86,400 &minus; balance), exact until one rounding up to the minor unit. */
    private static Money topUp(Money balance, Money burn, Duration target) {
        BigDecimal targetSeconds = BigDecimal.valueOf(target.getSeconds()).add(BigDecimal.valueOf(target.getNano(), 9));
        BigDecimal shortfallTimesDay =
                burn.amount().multiply(targetSeconds).subtract(balance.amount().multiply(SECONDS_PER_DAY));
        if (shortfallTimesDay.signum() <= 0) {
            return Money.zero(balance.currency());
        }
        int scale = balance.amount().scale();
        return Money.of(shortfallTimesDay.divide(SECONDS_PER_DAY, scale, RoundingMode.CEILING), balance.currency());
    }
}
