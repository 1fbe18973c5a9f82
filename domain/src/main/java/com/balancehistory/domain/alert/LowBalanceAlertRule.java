package com.balancehistory.domain.alert;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.util.Locale;
import java.util.Optional;

/**
 * The low-balance alert of one account: breached below the threshold that the one low-balance policy
 * ({@link LowBalancePolicy}) found for it, clearing past the hysteresis band above it.
 */
public final class LowBalanceAlertRule {

    private LowBalanceAlertRule() {}

    /** The reading of the account's alert; empty when no rule gives the account a threshold. */
    public static Optional<AlertReading> read(
            AccountId account,
            String name,
            String source,
            Money available,
            LowBalanceAssessment assessment,
            Hysteresis hysteresis) {
        if (assessment.threshold().isEmpty()) {
            return Optional.empty();
        }
        Money threshold = assessment.threshold().get();
        Condition condition = hysteresis.lowerBound(available.amount(), threshold.amount());
        AlertKey key = new AlertKey(AlertKind.LOW_BALANCE, account.value());
        return Optional.of(new AlertReading(
                key,
                condition,
                source,
                Optional.of(available.amount()),
                Optional.of(threshold.amount()),
                Optional.of(available.currencyCode()),
                name + ": available "
                        + available
                        + (condition == Condition.BREACHED ? " is below " : " against threshold ")
                        + threshold + " (" + describe(assessment) + ")"));
    }

    private static String describe(LowBalanceAssessment assessment) {
        String scope = assessment.scope().orElseThrow().name().toLowerCase(Locale.ROOT) + " rule";
        LowBalanceRule rule = assessment.rule().orElseThrow();
        if (rule instanceof LowBalanceRule.PercentOfInitial percent) {
            return scope + ", " + percent.percent().stripTrailingZeros().toPlainString() + " % of initial";
        }
        if (rule instanceof LowBalanceRule.RunwayBelow runway) {
            return scope + ", runway below " + runway.minimum() + " at the burn over " + runway.window();
        }
        if (rule instanceof LowBalanceRule.PercentOfTotal percent) {
            return scope + ", " + percent.percent().stripTrailingZeros().toPlainString() + " % of the currency total";
        }
        return scope + ", amount";
    }
}
