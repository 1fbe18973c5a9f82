package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.AccountAsOf;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import java.time.Instant;
import java.util.List;

/**
 * Balances as last observed at or before a time, read from the history: accounts first seen after it are left out,
 * accounts gone by then are included with their gone time. Labels are those that held at that time.
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

    /** One page of balances as of a time and how many match in all. */
    record AsOfRows(List<AsOfBalance> rows, long total) {
        public AsOfRows {
            rows = List.copyOf(rows);
        }
    }
}
