package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.domain.account.Label;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which latest balances to list: exact filters on provider, source, kind and currency, a case-insensitive text that
 * the name or the account id contains, staleness, labels the account has now (all of them), the order and the page.
 */
public record BalanceSelection(
        Optional<String> provider,
        Optional<String> source,
        Optional<String> kind,
        Optional<String> currency,
        Optional<String> text,
        Optional<Boolean> stale,
        StaleCutoffs cutoffs,
        BalanceSort sort,
        boolean descending,
        int limit,
        long offset,
        List<Label> labels) {

    public BalanceSelection {
        labels = labels == null ? List.of() : List.copyOf(labels);
        provider = provider == null ? Optional.empty() : provider;
        source = source == null ? Optional.empty() : source;
        kind = kind == null ? Optional.empty() : kind;
        currency = currency == null ? Optional.empty() : currency;
        text = text == null ? Optional.empty() : text;
        stale = stale == null ? Optional.empty() : stale;
        Objects.requireNonNull(cutoffs, "cutoffs");
        Objects.requireNonNull(sort, "sort");
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset cannot be negative");
        }
    }
}
