package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The history of one account in {@code [from, to)}, raw or bucketed in a zone's local calendar. */
public record HistoryQuery(AccountId account, Instant from, Instant to, HistoryBucketing bucketing, ZoneId zone) {

    public HistoryQuery {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(bucketing, "bucketing");
        Objects.requireNonNull(zone, "zone");
        if (!from.isBefore(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") must be before to (" + to + ")");
        }
    }
}
