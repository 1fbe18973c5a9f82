package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one period of a card's spending limit stands: what remains and, when the total is configured, how much is
 * used and the utilization.
 *
 * <p>{@code used} is {@code total - remaining}, floored at zero (a remaining above the configured total means the
 * configuration is stale, not that money was refunded beyond the limit). {@code utilization} is {@code used / total}
 * as a fraction between 0 and 1 at scale {@value #UTILIZATION_SCALE}, rounded {@link RoundingMode#HALF_UP}
 * (0.7525 means 75.25 %); it is empty when no total is configured or the total is zero, where the ratio is undefined.
 */
public record LimitStatus(
        LimitPeriod period,
        Money remaining,
        Optional<Money> total,
        Optional<Money> used,
        Optional<BigDecimal> utilization) {

    public static final int UTILIZATION_SCALE = 4;

    public LimitStatus {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(remaining, "remaining");
        total = total == null ? Optional.empty() : total;
        used = used == null ? Optional.empty() : used;
        utilization = utilization == null ? Optional.empty() : utilization;
        if (total.isEmpty() && (used.isPresent() || utilization.isPresent())) {
            throw new IllegalArgumentException("used and utilization need a configured total");
        }
    }

    /** Computes used and utilization from what remains and the configured total, if any. */
    public static LimitStatus of(LimitPeriod period, Money remaining, Optional<Money> total) {
        if (total.isEmpty()) {
            return new LimitStatus(period, remaining, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Money configured = total.get();
        Money zero = Money.zero(configured.currency());
        Money used = configured.minus(remaining).max(zero);
        Optional<BigDecimal> utilization = configured.isZero()
                ? Optional.empty()
                : Optional.of(used.amount().divide(configured.amount(), UTILIZATION_SCALE, RoundingMode.HALF_UP));
        return new LimitStatus(period, remaining, total, Optional.of(used), utilization);
    }
}
