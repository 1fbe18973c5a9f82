package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.LabelGroups;
import com.balancehistory.domain.analytics.CurrencyOverview;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts whose label {@code key} has one value (or, with an empty value, that lack the label), per currency:
 * count, total, lowest and how many are low. Never a figure across currencies.
 */
public record LabelGroupSummary(String key, Optional<String> value, List<GroupCurrency> currencies) {

    public LabelGroupSummary {
        Objects.requireNonNull(key, "key");
        value = value == null ? Optional.empty() : value;
        currencies = List.copyOf(currencies);
    }

    /** The group's name: the label value, or {@value LabelGroups#UNLABELLED}. */
    public String group() {
        return value.orElse(LabelGroups.UNLABELLED);
    }

    /** One currency of the group and how many of its accounts are low under the low-balance rules. */
    public record GroupCurrency(CurrencyOverview overview, int lowBalanceCount) {
        public GroupCurrency {
            Objects.requireNonNull(overview, "overview");
        }
    }
}
