package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.AccountAsOf;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Balances as last observed at or before a time, read from the history: accounts first seen after it are left out,
 * accounts gone then are included with the time they went. Labels are those that held at that time.
 */
public interface AsOfBalanceReadModel {

    /**
     * One page of balances as of {@code asOf} matching the selection (its stale filter and cutoffs judged at as-of),
     * with the number of matches.
     */
    AsOfRows balancesAsOf(Instant asOf, BalanceSelection selection);

    /** Every account's balance as of {@code asOf}, ordered by account id. */
    List<AsOfBalance> allBalancesAsOf(Instant asOf);

    AccountAsOf balanceAsOf(AccountId account, Instant asOf);

    /**
     * Streams every account's balance as of each of {@code times} (ascending) in turn, each time's rows ordered by
     * account id: accounts with every one of {@code labels} at that time.
     */
    RowCursor<AsOfBalance> streamBalancesAsOf(List<Instant> times, List<Label> labels);

    /**
     * Per source, the poll interval its newest poll at or before {@code asOf} (skipped ones aside) was recorded with:
     * what its staleness at that time is judged by. A source whose newest poll then recorded none (polls from before intervals were kept) is
     * absent, for the caller to use the interval configured now.
     */
    Map<String, Duration> pollIntervalsAt(Instant asOf);

    /** One page of balances as of a time and how many match in all. */
    record AsOfRows(List<AsOfBalance> rows, long total) {
        public AsOfRows {
            rows = List.copyOf(rows);
        }
    }
}
