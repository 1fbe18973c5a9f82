package com.balancehistory.application.service.query;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The low-balance verdicts of a {@link LowBalancePolicy} with runway rules ({@code "runway < 7d"}) given the account's
 * burn over the rule's window ending at the judged instant. The one place the account detail, the overview, the
 * allocation report and the low-balance alerts apply a runway rule, so they cannot disagree. A burn is read only for
 * an account whose rule is a runway rule.
 */
public final class LowBalanceJudge {

    private final LowBalancePolicy policy;
    private final DailyBurns burns;

    public LowBalanceJudge(LowBalancePolicy policy, DailyBurns burns) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.burns = Objects.requireNonNull(burns, "burns");
    }

    public LowBalancePolicy policy() {
        return policy;
    }

    /**
     * The verdict on {@code balance} at {@code at}, with {@code positiveTotal} the total of the positive available
     * balances in its currency when known (percent-of-total rules are not evaluable without it).
     */
    public LowBalanceAssessment assess(AccountBalance balance, Optional<Money> positiveTotal, Instant at) {
        Optional<LowBalanceRule> rule = policy.ruleFor(balance.id(), balance.currency());
        Optional<Money> burn = rule.orElse(null) instanceof LowBalanceRule.RunwayBelow runway
                ? burns.averageDailyBurn(balance.id(), runway.window(), at)
                : Optional.empty();
        return policy.evaluate(balance, positiveTotal, burn);
    }

    /**
     * Every account of {@code judged} at {@code at}, each with its currency's total from {@code positiveTotals} (see
     * {@link LowBalancePolicy#positiveTotals}), in the order given.
     */
    public Map<AccountId, LowBalanceAssessment> assessAll(
            Collection<AccountBalance> judged, Map<Currency, Money> positiveTotals, Instant at) {
        // the burns of every account with a runway rule, one read per window rather than one per account
        Map<Duration, List<AccountId>> byWindow = new LinkedHashMap<>();
        judged.forEach(account -> {
            if (policy.ruleFor(account.id(), account.currency()).orElse(null) instanceof LowBalanceRule.RunwayBelow r) {
                byWindow.computeIfAbsent(r.window(), w -> new ArrayList<>()).add(account.id());
            }
        });
        Map<Duration, Map<AccountId, Optional<Money>>> burnsByWindow = new HashMap<>();
        byWindow.forEach(
                (window, accounts) -> burnsByWindow.put(window, burns.averageDailyBurns(accounts, window, at)));
        Map<AccountId, LowBalanceAssessment> result = new LinkedHashMap<>();
        judged.forEach(account -> {
            Optional<Money> positiveTotal = Optional.ofNullable(positiveTotals.get(account.currency()));
            Optional<Money> burn =
                    policy.ruleFor(account.id(), account.currency()).orElse(null)
                                    instanceof LowBalanceRule.RunwayBelow runway
                            ? burnsByWindow.get(runway.window()).getOrDefault(account.id(), Optional.empty())
                            : Optional.empty();
            result.put(account.id(), policy.evaluate(account, positiveTotal, burn));
        });
        return result;
    }

    /** Every account of {@code accounts} at {@code at}, each with its currency's total of positive balances among them. */
    public Map<AccountId, LowBalanceAssessment> assessAll(Collection<AccountBalance> accounts, Instant at) {
        return assessAll(accounts, LowBalancePolicy.positiveTotals(accounts), at);
    }
}
