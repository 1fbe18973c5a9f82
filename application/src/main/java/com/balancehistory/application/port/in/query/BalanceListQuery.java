package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.domain.account.Label;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters, order and page of a list of latest balances; {@code limit} is 1 to 1000. {@code labels}: the account has
 * every one of them now. With {@code asOf}: the balances as last observed at or before that time instead, labels and
 * staleness as they were then.
 */
public record BalanceListQuery(
        Optional<String> provider,
        Optional<String> source,
        Optional<String> kind,
        Optional<String> currency,
        Optional<String> text,
        Optional<Boolean> stale,
        BalanceSort sort,
        boolean descending,
        int limit,
        long offset,
        List<Label> labels,
        Optional<Instant> asOf) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public BalanceListQuery {
        asOf = asOf == null ? Optional.empty() : asOf;
        labels = labels == null ? List.of() : List.copyOf(labels);
        provider = provider == null ? Optional.empty() : provider;
        source = source == null ? Optional.empty() : source;
        kind = kind == null ? Optional.empty() : kind;
        currency = currency == null ? Optional.empty() : currency;
        text = text == null ? Optional.empty() : text;
        stale = stale == null ? Optional.empty() : stale;
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new InvalidQueryException("offset", "offset cannot be negative, got " + offset);
        }
    }

    /** Every account, by name, first page. */
    public static BalanceListQuery all() {
        return new BalanceListQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BalanceSort.NAME,
                false,
                DEFAULT_LIMIT,
                0,
                List.of(),
                Optional.empty());
    }
}
