package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.LowBalanceAssessment.RuleScope;
import com.balancehistory.domain.analytics.LowBalanceAssessment.Verdict;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The low-balance rules in force: rules for single accounts and rules for every account in a currency. An account's
 * own rule overrides its currency's rule. Immutable; {@code forAccount}/{@code forCurrency} return new policies.
 */
public record LowBalancePolicy(
        Map<AccountId, LowBalanceRule> accountRules, Map<Currency, LowBalanceRule> currencyRules) {

    public LowBalancePolicy {
        accountRules = Map.copyOf(accountRules);
        currencyRules = Map.copyOf(currencyRules);
        currencyRules.forEach((currency, rule) -> {
            if (rule instanceof LowBalanceRule.Absolute absolute
                    && !absolute.threshold().hasCurrency(currency)) {
                throw new CurrencyMismatchException("the low-balance rule for " + currency.getCurrencyCode()
                        + " has a threshold in " + absolute.threshold().currencyCode());
            }
        });
    }

    /** A policy without rules: every account is {@link Verdict#NO_RULE}. */
    public static LowBalancePolicy none() {
        return new LowBalancePolicy(Map.of(), Map.of());
    }

    public LowBalancePolicy forAccount(AccountId account, LowBalanceRule rule) {
        Map<AccountId, LowBalanceRule> rules = new HashMap<>(accountRules);
        rules.put(Objects.requireNonNull(account, "account"), Objects.requireNonNull(rule, "rule"));
        return new LowBalancePolicy(rules, currencyRules);
    }

    public LowBalancePolicy forCurrency(Currency currency, LowBalanceRule rule) {
        Map<Currency, LowBalanceRule> rules = new HashMap<>(currencyRules);
        rules.put(Objects.requireNonNull(currency, "currency"), Objects.requireNonNull(rule, "rule"));
        return new LowBalancePolicy(accountRules, rules);
    }

    /**
     * Applies the account's rule, or else its currency's rule, without the currency's total: a percent-of-total rule is
     * {@link Verdict#NOT_EVALUABLE}. Use {@link #evaluate(AccountBalance, Money)} where the total is known.
     */
    public LowBalanceAssessment evaluate(AccountBalance account) {
        return evaluate(account, Optional.empty());
    }

    /**
     * Applies the account's rule, or else its currency's rule, with {@code positiveTotal} the total of the positive
     * available balances in the account's currency (see {@link #positiveTotals}). An account rule with an absolute
     * threshold in another currency than the account is {@link Verdict#NOT_EVALUABLE}: thresholds are never
     * converted, and one misconfigured rule must not stop the assessment of every other account.
     */
    public LowBalanceAssessment evaluate(AccountBalance account, Money positiveTotal) {
        return evaluate(account, Optional.of(positiveTotal));
    }

    /** Whether some rule needs the currency's total of positive balances (so callers fetch it only when needed). */
    public boolean needsCurrencyTotals() {
        return accountRules.values().stream().anyMatch(LowBalanceRule::needsCurrencyTotal)
                || currencyRules.values().stream().anyMatch(LowBalanceRule::needsCurrencyTotal);
    }

    /** Per currency, the total of the positive available balances: the base of percent-of-total rules. */
    public static Map<Currency, Money> positiveTotals(Collection<AccountBalance> accounts) {
        Map<Currency, Money> totals = new HashMap<>();
        for (AccountBalance account : accounts) {
            totals.putIfAbsent(account.currency(), Money.zero(account.currency()));
            if (account.available().isPositive()) {
                totals.merge(account.currency(), account.available(), Money::plus);
            }
        }
        return totals;
    }

    /** Evaluates every account, each with its currency's total of positive balances among {@code accounts}. */
    public Map<AccountId, LowBalanceAssessment> evaluateAll(Collection<AccountBalance> accounts) {
        Map<Currency, Money> totals = positiveTotals(accounts);
        Map<AccountId, LowBalanceAssessment> result = new LinkedHashMap<>();
        accounts.forEach(account -> result.put(account.id(), evaluate(account, totals.get(account.currency()))));
        return result;
    }

    /** The rule that applies to the account (its own, else its currency's), if any. */
    public Optional<LowBalanceRule> ruleFor(AccountId account, Currency currency) {
        return Optional.ofNullable(accountRules.get(account))
                .or(() -> Optional.ofNullable(currencyRules.get(currency)));
    }

    /** Whether some rule needs an account's burn (so callers read histories only when needed). */
    public boolean needsBurns() {
        return accountRules.values().stream().anyMatch(LowBalanceRule::needsBurn)
                || currencyRules.values().stream().anyMatch(LowBalanceRule::needsBurn);
    }

    private LowBalanceAssessment evaluate(AccountBalance account, Optional<Money> positiveTotal) {
        return evaluate(account, positiveTotal, Optional.empty());
    }

    /**
     * Applies the account's rule, or else its currency's, with the currency's total of positive balances and the
     * account's average daily burn where known: a runway rule ({@link LowBalanceRule.RunwayBelow}) needs the burn and
     * is {@link Verdict#NOT_EVALUABLE} without it.
     */
    public LowBalanceAssessment evaluate(
            AccountBalance account, Optional<Money> positiveTotal, Optional<Money> averageDailyBurn) {
        Money available = account.available();
        Optional<RuleScope> scope = accountRules.containsKey(account.id())
                ? Optional.of(RuleScope.ACCOUNT)
                : currencyRules.containsKey(account.currency()) ? Optional.of(RuleScope.CURRENCY) : Optional.empty();
        if (scope.isEmpty()) {
            return new LowBalanceAssessment(
                    account.id(), available, Verdict.NO_RULE, Optional.empty(), Optional.empty(), Optional.empty());
        }
        LowBalanceRule rule = scope.get() == RuleScope.ACCOUNT
                ? accountRules.get(account.id())
                : currencyRules.get(account.currency());
        Optional<Money> threshold = rule instanceof LowBalanceRule.RunwayBelow runway
                ? averageDailyBurn.map(runway::thresholdAt)
                : rule.thresholdFor(account, positiveTotal);
        Verdict verdict = threshold
                .map(limit -> available.isLessThan(limit) ? Verdict.LOW : Verdict.OK)
                .orElse(Verdict.NOT_EVALUABLE);
        return new LowBalanceAssessment(account.id(), available, verdict, Optional.of(rule), scope, threshold);
    }
}
