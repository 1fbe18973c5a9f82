package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.analytics.BalanceTrend;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The trend of one account's available balance over {@code window} ending at {@code asOf}. */
public record AccountTrend(Account account, Duration window, Instant asOf, BalanceTrend trend) {

    public AccountTrend {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(trend, "trend");
    }
}
