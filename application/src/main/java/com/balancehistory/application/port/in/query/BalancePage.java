package com.balancehistory.application.port.in.query;

import java.util.List;

/** One page of latest balances and the number of balances matching the query in all. */
public record BalancePage(List<BalanceView> items, long total, int limit, long offset) {

    public BalancePage {
        items = List.copyOf(items);
    }
}
