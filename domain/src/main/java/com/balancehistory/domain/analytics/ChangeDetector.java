package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Detects balance changes between consecutive snapshots and tells which are significant.
 *
 * <p>A change is significant when it reaches <em>any</em> configured criterion that applies to its currency:
 * {@code |change| >= minimumAbsolute} for the currency, or {@code |change| >= minimumPercent} % of
 * {@code |previous|} (compared exactly, without rounding; any change from a zero balance reaches every percentage).
 * When no criterion applies to the currency, every change is significant: without a threshold nothing may be
 * silently dropped. Immutable.
 */
public record ChangeDetector(Map<Currency, Money> minimumAbsolute, Optional<BigDecimal> minimumPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ChangeDetector {
        minimumAbsolute = Map.copyOf(minimumAbsolute);
        minimumPercent = minimumPercent == null ? Optional.empty() : minimumPercent;
        minimumAbsolute.forEach((currency, minimum) -> {
            if (!minimum.hasCurrency(currency) || !minimum.isPositive()) {
                throw new IllegalArgumentException("the minimum change for " + currency.getCurrencyCode()
                        + " must be a positive " + currency.getCurrencyCode() + " amount, got " + minimum);
            }
        });
        minimumPercent.ifPresent(percent -> {
            if (percent.signum() <= 0) {
                throw new IllegalArgumentException(
                        "the minimum percentage change must be positive, got " + percent.toPlainString());
            }
        });
    }

    /** A detector for which every change is significant. */
    public static ChangeDetector everyChange() {
        return new ChangeDetector(Map.of(), Optional.empty());
    }

    /** The default configuration: a change of 10 % or more of the previous balance is significant. */
    public static ChangeDetector defaults() {
        return atLeastPercent(BigDecimal.TEN);
    }

    /** A detector with absolute minimums, one per currency. */
    public static ChangeDetector atLeast(Money... minimums) {
        ChangeDetector detector = everyChange();
        for (Money minimum : minimums) {
            detector = detector.withMinimum(minimum);
        }
        return detector;
    }

    /** A detector for changes of at least {@code percent} % of the previous balance. */
    public static ChangeDetector atLeastPercent(BigDecimal percent) {
        return new ChangeDetector(Map.of(), Optional.of(percent));
    }

    /** This detector with an absolute minimum for the minimum's currency, replacing any it had. */
    public ChangeDetector withMinimum(Money minimum) {
        Map<Currency, Money> all = new HashMap<>(minimumAbsolute);
        all.put(minimum.currency(), minimum);
        return new ChangeDetector(all, minimumPercent);
    }

    public ChangeDetector withMinimumPercent(BigDecimal percent) {
        return new ChangeDetector(minimumAbsolute, Optional.of(percent));
    }

    /**
     * The change from {@code previous} to {@code current}, or empty when the balance did not change. Both must be in
     * one currency ({@link com.balancehistory.domain.money.CurrencyMismatchException} otherwise).
     */
    public Optional<BalanceChange> detect(Money previous, Money current) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Money change = current.minus(previous);
        if (change.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new BalanceChange(previous, current, change, isSignificant(previous, change)));
    }

    private boolean isSignificant(Money previous, Money change) {
        Optional<Money> absolute = Optional.ofNullable(minimumAbsolute.get(change.currency()));
        if (absolute.isEmpty() && minimumPercent.isEmpty()) {
            return true;
        }
        Money size = change.abs();
        boolean reachesAbsolute = absolute.map(size::isAtLeast).orElse(false);
        boolean reachesPercent = minimumPercent
                .map(percent -> previous.isZero()
                        || size.amount()
                                        .multiply(HUNDRED)
                                        .compareTo(percent.multiply(
                                                previous.amount().abs()))
                                >= 0)
                .orElse(false);
        return reachesAbsolute || reachesPercent;
    }
}
