package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.CurrencyOverview;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts of one currency: count, total, average, highest, lowest, the accounts whose balance is low, how many
 * accounts each health tier has (label to count, UNRATED without tiers) and how many values are stale.
 */
public record CurrencySummary(
        CurrencyOverview overview,
        List<AccountId> lowBalanceAccounts,
        Map<String, Integer> healthTiers,
        int staleAccounts) {

    public CurrencySummary {
        Objects.requireNonNull(overview, "overview");
        lowBalanceAccounts = List.copyOf(lowBalanceAccounts);
        healthTiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(healthTiers));
    }
}
