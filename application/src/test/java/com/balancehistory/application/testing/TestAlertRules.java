package com.balancehistory.application.testing;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.service.alert.AlertRules;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.Hysteresis;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The alert rules the alert tests share: every source polled each 5 minutes, a 5 % hysteresis band, a 15-minute
 * cooldown, no low-limit rules and no change windows; what a test varies is named in the call.
 */
public final class TestAlertRules {

    private TestAlertRules() {}

    public static AlertRules of(
            LowBalancePolicy lowBalance, Optional<BigDecimal> staleIntervals, List<DeliveryTarget> targets) {
        return new AlertRules(
                lowBalance,
                List.of(),
                staleIntervals,
                Optional.empty(),
                Optional.empty(),
                SourceIntervals.everySource(Duration.ofMinutes(5)),
                Hysteresis.of("0.05"),
                new AlertLifecycle(Duration.ofMinutes(15)),
                targets);
    }
}
