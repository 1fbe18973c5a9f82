package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/** One account balance at one instant, a point of a balance history. */
public record BalancePoint(Instant at, Money balance) {

    public BalancePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(balance, "balance");
    }

    public static BalancePoint of(Instant at, Money balance) {
        return new BalancePoint(at, balance);
    }
}
