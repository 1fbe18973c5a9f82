package com.balancehistory.application.service;

import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.LabelRules;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.util.List;

/**
 * A source whose accounts get the configured labels before they are recorded: the store then writes a label
 * assignment only when an account's labels differ from what it holds, so a relabel takes effect from the first poll
 * that sees it.
 */
public final class LabelledProvider implements BalanceProvider {

    private final BalanceProvider provider;
    private final LabelRules rules;

    public LabelledProvider(BalanceProvider provider, LabelRules rules) {
        this.provider = provider;
        this.rules = rules;
    }

    /** Every provider with the rules applied; the providers themselves when there are none. */
    public static List<BalanceProvider> all(List<BalanceProvider> providers, LabelRules rules) {
        return rules.isEmpty()
                ? providers
                : providers.stream()
                        .map(p -> (BalanceProvider) new LabelledProvider(p, rules))
                        .toList();
    }

    @Override
    public String sourceName() {
        return provider.sourceName();
    }

    @Override
    public ProviderType providerType() {
        return provider.providerType();
    }

    @Override
    public FetchResult fetch() {
        FetchResult result = provider.fetch();
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return result;
        }
        List<BalanceObservation> balances = fetched.balances().stream()
                .map(o -> new BalanceObservation(rules.apply(o.account()), o.balances(), o.providerAsOf()))
                .toList();
        List<CardLimitObservation> limits = fetched.cardLimits().stream()
                .map(o -> new CardLimitObservation(rules.apply(o.card()), o.remaining()))
                .toList();
        return new FetchResult.Fetched(
                fetched.source(),
                balances,
                limits,
                fetched.accountFailures(),
                fetched.fullyListedKinds(),
                fetched.rawResponses());
    }
}
