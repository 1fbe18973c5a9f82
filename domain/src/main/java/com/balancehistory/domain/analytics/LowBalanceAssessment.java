package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one account's balance is low, and why: the verdict, the rule that applied (and whether it was set for the
 * account or for its currency) and the threshold it was compared with.
 */
public record LowBalanceAssessment(
        AccountId account,
        Money available,
        Verdict verdict,
        Optional<LowBalanceRule> rule,
        Optional<RuleScope> scope,
        Optional<Money> threshold) {

    /** The outcome of applying a {@link LowBalancePolicy}. */
    public enum Verdict {
        /** The balance is below the threshold. */
        LOW,
        /** The balance is at or above the threshold. */
        OK,
        /** No rule covers the account or its currency. */
        NO_RULE,
        /**
         * A rule applies but cannot be evaluated: a percentage rule and no known initial balance or total, or an
         * amount in another currency than the account's.
         */
        NOT_EVALUABLE
    }

    /** Where the applied rule was configured; a rule for the account takes precedence over one for its currency. */
    public enum RuleScope {
        ACCOUNT,
        CURRENCY
    }

    public LowBalanceAssessment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(verdict, "verdict");
        rule = rule == null ? Optional.empty() : rule;
        scope = scope == null ? Optional.empty() : scope;
        threshold = threshold == null ? Optional.empty() : threshold;
        if (rule.isPresent() != scope.isPresent() || (verdict == Verdict.NO_RULE) == rule.isPresent()) {
            throw new IllegalArgumentException("a rule and its scope are present unless the verdict is NO_RULE");
        }
        boolean compared = verdict == Verdict.LOW || verdict == Verdict.OK;
        if (compared != threshold.isPresent()) {
            throw new IllegalArgumentException("a threshold is present exactly when the balance was compared");
        }
    }

    public boolean isLow() {
        return verdict == Verdict.LOW;
    }

    /** A sentence for alerts and logs, e.g. {@code "available 40.00 USD is below threshold 50.00 USD (account rule)"}. */
    public String reason() {
        return switch (verdict) {
            case LOW -> "available " + available + " is below threshold " + threshold.orElseThrow() + scopeText();
            case OK -> "available " + available + " is not below threshold " + threshold.orElseThrow() + scopeText();
            case NO_RULE -> "no low-balance rule for account " + account + " or " + available.currencyCode();
            case NOT_EVALUABLE -> notEvaluableBecause(rule.orElseThrow()) + scopeText();
        };
    }

    private String notEvaluableBecause(LowBalanceRule applied) {
        if (applied instanceof LowBalanceRule.Absolute absolute) {
            return "the threshold " + absolute.threshold() + " is not in the account's currency "
                    + available.currencyCode();
        }
        if (applied instanceof LowBalanceRule.RunwayBelow) {
            return "the burn of account " + account + " is unknown (not enough history in the window)";
        }
        return applied instanceof LowBalanceRule.PercentOfTotal
                ? "the total of " + available.currencyCode() + " balances is unknown"
                : "the initial balance of account " + account + " is unknown";
    }

    private String scopeText() {
        return scope.map(applied -> " (" + applied.name().toLowerCase(Locale.ROOT) + " rule)")
                .orElse("");
    }
}
