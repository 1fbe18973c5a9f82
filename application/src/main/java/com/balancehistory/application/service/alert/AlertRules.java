package com.balancehistory.application.service.alert;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.alert.LowLimitAlertRule;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.source.Staleness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured alert rules.
 *
 * @param lowBalance        the low-balance rules, the same ones the account detail, overview and reports apply (an
 *                          account's rule overrides its currency's)
 * @param lowLimit          low remaining card limit: below {@code percent} % of the configured total, per period
 *                          (a rule without a period applies to every period without its own rule)
 * @param staleIntervals    a source is stale after this many poll intervals without a successful poll (empty: off)
 * @param significantWindow a significant balance change keeps its alert active this long (empty: off)
 * @param topUpSettledWindow a top-up that arrived keeps its {@code top-up-settled} alert active this long (empty: off)
 * @param hysteresis        how far past the threshold a value must get back before an alert resolves
 * @param lifecycle         the cooldown between a resolution and the next firing
 * @param targets           where notifications of fired and resolved alerts go
 */
public record AlertRules(
        LowBalancePolicy lowBalance,
        List<LowLimitAlertRule> lowLimit,
        Optional<BigDecimal> staleIntervals,
        Optional<Duration> significantWindow,
        Optional<Duration> topUpSettledWindow,
        SourceIntervals intervals,
        Hysteresis hysteresis,
        AlertLifecycle lifecycle,
        List<DeliveryTarget> targets) {

    public AlertRules {
        Objects.requireNonNull(lowBalance, "lowBalance");
        lowLimit = List.copyOf(lowLimit);
        staleIntervals = staleIntervals == null ? Optional.empty() : staleIntervals;
        significantWindow = significantWindow == null ? Optional.empty() : significantWindow;
        topUpSettledWindow = topUpSettledWindow == null ? Optional.empty() : topUpSettledWindow;
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(hysteresis, "hysteresis");
        Objects.requireNonNull(lifecycle, "lifecycle");
        targets = List.copyOf(targets);
    }

    /** The staleness the stale-data alert applies: the data rule with the configured count of intervals. */
    public Optional<Staleness> staleness() {
        return staleIntervals.map(Staleness::afterIntervals);
    }
}
