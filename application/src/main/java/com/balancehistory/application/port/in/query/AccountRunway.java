package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.analytics.Runway;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The runway of one account's available balance at its burn over {@code window} ending at {@code asOf}. */
public record AccountRunway(Account account, Duration window, Instant asOf, Runway runway) {

    public AccountRunway {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(runway, "runway");
    }
}
