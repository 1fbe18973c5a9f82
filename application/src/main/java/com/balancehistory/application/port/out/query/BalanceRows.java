package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.LatestBalance;
import java.util.List;

/** One page of latest balances and how many match the selection in all. */
public record BalanceRows(List<LatestBalance> rows, long total) {

    public BalanceRows {
        rows = List.copyOf(rows);
    }
}
