package com.balancehistory.application.service.alert;

import com.balancehistory.application.port.out.report.DeliveryTarget;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.limit.LimitPeriod;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured alert rules.
 *
 * @param lowBalance        low-balance rules; a rule for an account overrides one for its currency
 * @param lowLimit          low remaining card limit: below {@code percent} % of the configured total, per period
 *                          (a rule without a period applies to every period without its own rule)
 * @param staleIntervals    a source is stale after this many poll intervals without a successful poll (empty: off)
 * @param significantWindow a significant balance change keeps its alert active this long (empty: off)
 * @param hysteresis        how far past the threshold a value must get back before an alert resolves
 * @param lifecycle         the cooldown between a resolution and the next firing
 * @param targets           where notifications of fired and resolved alerts go
 */
public record AlertRules(List<LowBalance> lowBalance, List<LowLimit> lowLimit, Optional<BigDecimal> staleIntervals,
                         Optional<Duration> significantWindow, SourceIntervals intervals, Hysteresis hysteresis,
                         AlertLifecycle lifecycle, List<DeliveryTarget> targets) {

    public AlertRules {
        lowBalance = List.copyOf(lowBalance);
        lowLimit = List.copyOf(lowLimit);
        staleIntervals = staleIntervals == null ? Optional.empty() : staleIntervals;
        significantWindow = significantWindow == null ? Optional.empty() : significantWindow;
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(hysteresis, "hysteresis");
        Objects.requireNonNull(lifecycle, "lifecycle");
        targets = List.copyOf(targets);
    }

    /** What a low-balance threshold is measured in. */
    public enum Measure {
        /** An amount in the account's currency. */
        AMOUNT,
        /** Percent of the account's initial balance. */
        PERCENT_OF_INITIAL,
        /** Percent of the total of positive balances in the account's currency. */
        PERCENT_OF_TOTAL
    }

    /**
     * One low-balance rule for an account ({@code account} set) or for every account in a currency ({@code currency}
     * set). An AMOUNT rule for a currency is in that currency; for an account, in the account's currency.
     */
    public record LowBalance(Optional<String> account, Optional<String> currency, Measure measure, BigDecimal value) {
        public LowBalance {
            account = account == null ? Optional.empty() : account;
            currency = currency == null ? Optional.empty() : currency;
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(value, "value");
            if (account.isPresent() == currency.isPresent()) {
                throw new IllegalArgumentException("a low-balance rule is for one account or for one currency");
            }
            if (value.signum() < 0 || (measure != Measure.AMOUNT && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new IllegalArgumentException("a low-balance threshold is non-negative, percentages at most 100");
            }
        }
    }

    /** Low remaining card limit: remaining below {@code percent} % of the configured total. */
    public record LowLimit(Optional<LimitPeriod> period, BigDecimal percent) {
        public LowLimit {
            period = period == null ? Optional.empty() : period;
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a low-limit percentage is above 0 and at most 100");
            }
        }
    }
}
