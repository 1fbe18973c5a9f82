package com.balancehistory.domain.alert;

import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Low remaining card limit: remaining below {@code percent} % of the configured total, for one period (a rule without
 * a period applies to every period without a rule of its own).
 */
public record LowLimitAlertRule(Optional<LimitPeriod> period, BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LowLimitAlertRule {
        period = period == null ? Optional.empty() : period;
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a low-limit percentage is above 0 and at most 100");
        }
    }

    /** The rule of {@code period}: the first naming it, else the first naming no period. */
    public static Optional<LowLimitAlertRule> forPeriod(List<LowLimitAlertRule> rules, LimitPeriod period) {
        return rules.stream()
                .filter(r -> r.period().filter(period::equals).isPresent())
                .findFirst()
                .or(() -> rules.stream().filter(r -> r.period().isEmpty()).findFirst());
    }

    /**
     * The reading of one card's limit in one period under the rule of that period among {@code rules}; empty when no
     * rule covers the period, or without a configured total (zero or none: there is nothing to take a share of).
     */
    public static Optional<AlertReading> read(
            List<LowLimitAlertRule> rules,
            String accountId,
            String name,
            String source,
            LimitPeriod limitPeriod,
            Money remaining,
            Optional<Money> total,
            Hysteresis hysteresis) {
        if (total.isEmpty() || total.get().isZero()) {
            return Optional.empty();
        }
        return forPeriod(rules, limitPeriod)
                .map(rule -> rule.read(accountId, name, source, limitPeriod, remaining, total.get(), hysteresis));
    }

    /**
     * The reading of one card's limit in one period.
     *
     * @param total the configured limit; not zero (a card without a configured total has no low-limit alert)
     */
    public AlertReading read(
            String accountId,
            String name,
            String source,
            LimitPeriod limitPeriod,
            Money remaining,
            Money total,
            Hysteresis hysteresis) {
        Money threshold = total.times(percent.movePointLeft(2));
        Condition condition = hysteresis.lowerBound(remaining.amount(), threshold.amount());
        BigDecimal percentLeft = remaining.amount().multiply(HUNDRED).divide(total.amount(), 2, RoundingMode.HALF_UP);
        AlertKey key = new AlertKey(AlertKind.LOW_LIMIT, accountId + "/" + limitPeriod.apiName());
        return new AlertReading(
                key,
                condition,
                source,
                Optional.of(remaining.amount()),
                Optional.of(threshold.amount()),
                Optional.of(remaining.currencyCode()),
                name + ": " + limitPeriod.apiName() + " limit remaining " + remaining
                        + " ("
                        + percentLeft.toPlainString() + " % of " + total + "), threshold "
                        + percent.stripTrailingZeros().toPlainString() + " %");
    }
}
