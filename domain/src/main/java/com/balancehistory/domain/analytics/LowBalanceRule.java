package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * When an account's available balance counts as low: below an absolute amount, or below a percentage of the account's
 * initial balance. "Below" is strict: a balance exactly at the threshold is not low.
 */
public sealed interface LowBalanceRule {

    /**
     * The threshold this rule sets for an account, or empty when the rule cannot be applied to it (a percentage rule
     * for an account whose initial balance is unknown). An absolute rule in another currency throws
     * {@link CurrencyMismatchException}: thresholds are never converted.
     */
    Optional<Money> thresholdFor(AccountBalance account);

    /** Low below a fixed amount, e.g. 1,000.00 USD. */
    record Absolute(Money threshold) implements LowBalanceRule {
        public Absolute {
            Objects.requireNonNull(threshold, "threshold");
        }

        @Override
        public Optional<Money> thresholdFor(AccountBalance account) {
            if (!threshold.hasCurrency(account.currency())) {
                throw new CurrencyMismatchException("low-balance threshold " + threshold + " cannot apply to account "
                        + account.id() + " in " + account.available().currencyCode());
            }
            return Optional.of(threshold);
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
                throw new IllegalArgumentException("low-balance percentage must be above 0 and at most 100, got "
                        + percent.toPlainString());
            }
        }

        @Override
        public Optional<Money> thresholdFor(AccountBalance account) {
            return account.initial().map(initial -> initial.times(percent.movePointLeft(2)));
        }
    }

    static LowBalanceRule below(Money threshold) {
        return new Absolute(threshold);
    }

    static LowBalanceRule belowPercentOfInitial(BigDecimal percent) {
        return new PercentOfInitial(percent);
    }
}
