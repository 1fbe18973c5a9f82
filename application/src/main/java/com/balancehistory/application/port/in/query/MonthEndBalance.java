package com.balancehistory.application.port.in.query;

import java.time.YearMonth;
import java.util.Objects;

/** An account's balance at the end of a month (its view's as-of: the last instant before the next month starts). */
public record MonthEndBalance(YearMonth month, BalanceView balance) {

    public MonthEndBalance {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(balance, "balance");
    }
}
