package com.balancehistory.application.model.query;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.Balances;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One recorded snapshot with its account, as exported. */
public record SnapshotRow(
        long pollId, Account account, Balances balances, Instant observedAt, Optional<Instant> providerAsOf) {

    public SnapshotRow {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(observedAt, "observedAt");
        providerAsOf = providerAsOf == null ? Optional.empty() : providerAsOf;
    }
}
