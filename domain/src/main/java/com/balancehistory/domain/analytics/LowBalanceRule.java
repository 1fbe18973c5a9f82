package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When an account's available balance counts as low: below an absolute amount, below a percentage of the account's
 * initial balance, below a percentage of the total of positive balances in the account's currency, or lasting less
 * than a runway at its burn. "Below" is
 * strict: a balance exactly at the threshold is not low. The one definition of a low balance, used by the account
 * detail, the overview, the allocation report and the low-balance alerts alike.
 */
public sealed interface LowBalanceRule {

    /**
     * The threshold this rule sets for an account, or empty when the rule cannot be applied to it (a percentage of
     * initial rule for an account whose initial balance is unknown, a percentage of total rule without the currency's
     * total, or an absolute rule in another currency than the account's: thresholds are never converted).
     *
     * @param positiveTotal the total of the positive available balances in the account's currency, when known
     */
    Optional<Money> thresholdFor(AccountBalance account, Optional<Money> positiveTotal);

    /** Whether this rule needs the currency's total of positive balances. */
    default boolean needsCurrencyTotal() {
        return false;
    }

    /** Low below a fixed amount, e.g. 1,000.00 USD. */
    record Absolute(Money threshold) implements LowBalanceRule {
        public Absolute {
            Objects.requireNonNull(threshold, "threshold");
        }

        /** Empty (not evaluable) for an account in another currency: a misconfigured rule must not stop the rest. */
        @Override
        public Optional<Money> thresholdFor(AccountBalance account, Optional<Money> positiveTotal) {
            return threshold.hasCurrency(account.currency()) ? Optional.of(threshold) : Optional.empty();
        }
    }

    /**
     * Low below {@code percent} % of the initial balance (0 &lt; percent &le; 100). The threshold is the initial
     * balance times {@code percent / 100}, rounded half-even to the currency's scale; the balance is compared with
     * that rounded amount, so the reported threshold is exactly the one applied.
     */
    record PercentOfInitial(BigDecimal percent) implements LowBalanceRule {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public PercentOfInitial {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(
                        "low-balance percentage must be above 0 and at most 100, got " + percent.toPlainString());
            }
        }

        @Override
        public Optional<Money> thresholdFor(AccountBalance account, Optional<Money> positiveTotal) {
            return account.initial().map(initial -> initial.times(percent.movePointLeft(2)));
        }
    }

    /**
     * Low below {@code percent} % of the total of the positive available balances in the account's currency
     * (0 &lt; percent &le; 100), rounded half-even to the currency's scale. Without positive balances the total is
     * zero, so only a negative balance is
     * below it.
     */
    record PercentOfTotal(BigDecimal percent) implements LowBalanceRule {
        public PercentOfTotal {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(
                        "low-balance percentage must be above 0 and at most 100, got " + percent.toPlainString());
            }
        }

        @Override
        public Optional<Money> thresholdFor(AccountBalance account, Optional<Money> positiveTotal) {
            positiveTotal.ifPresent(total -> {
                if (!total.hasCurrency(account.currency())) {
                    throw new CurrencyMismatchException(
                            "the total " + total + " is not in the currency of account " + account.id());
                }
            });
            return positiveTotal.map(total -> total.times(percent.movePointLeft(2)));
        }

        @Override
        public boolean needsCurrencyTotal() {
            return true;
        }
    }

    /**
     * Low when the balance lasts less than {@code minimum} at the account's average daily burn over {@code window}
     * (the trend's burn, as the runway route has it): {@code "runway < 7d"}. Equivalently, low below the threshold
     * burn &times; minimum days (a day is 86,400 s), rounded half-even to the currency's scale, so the reported
     * threshold is exactly the one applied. Not evaluable without a burn (not enough history); a balance that does not
     * go down (burn zero) has threshold zero and is low only once it is below zero.
     */
    record RunwayBelow(Duration minimum, Duration window) implements LowBalanceRule {
        /** The window the burn is measured over when a rule names none, as the runway route's default. */
        public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

        private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

        public RunwayBelow {
            Objects.requireNonNull(minimum, "minimum");
            Objects.requireNonNull(window, "window");
            if (minimum.isNegative() || minimum.isZero() || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException(
                        "a runway rule needs a positive minimum and window, got " + minimum + " over " + window);
            }
        }

        /** Without the account's burn the rule cannot be applied: see {@link #thresholdAt(Money)}. */
        @Override
        public Optional<Money> thresholdFor(AccountBalance account, Optional<Money> positiveTotal) {
            return Optional.empty();
        }

        /** The balance that lasts exactly {@code minimum} at {@code averageDailyBurn}. */
        public Money thresholdAt(Money averageDailyBurn) {
            BigDecimal seconds = BigDecimal.valueOf(minimum.getSeconds()).add(BigDecimal.valueOf(minimum.getNano(), 9));
            return averageDailyBurn.times(seconds.divide(SECONDS_PER_DAY, MathContext.DECIMAL128));
        }

        @Override
        public boolean needsBurn() {
            return true;
        }
    }

    /** Whether this rule needs the account's average daily burn ({@link RunwayBelow}). */
    default boolean needsBurn() {
        return false;
    }

    static LowBalanceRule runwayBelow(Duration minimum) {
        return new RunwayBelow(minimum, RunwayBelow.DEFAULT_WINDOW);
    }

    static LowBalanceRule below(Money threshold) {
        return new Absolute(threshold);
    }

    static LowBalanceRule belowPercentOfInitial(BigDecimal percent) {
        return new PercentOfInitial(percent);
    }

    static LowBalanceRule belowPercentOfTotal(BigDecimal percent) {
        return new PercentOfTotal(percent);
    }
}
