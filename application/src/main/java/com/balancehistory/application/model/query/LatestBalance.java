package com.balancehistory.application.model.query;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.Balances;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The newest recorded balances of one account, when we observed them, the provider's own as-of time, and
 * when the provider's full listing first lacked the account ({@code goneAt}). */
public record LatestBalance(
        Account account,
        Balances balances,
        Instant observedAt,
        Optional<Instant> providerAsOf,
        Optional<Instant> goneAt) {

    public LatestBalance {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(observedAt, "observedAt");
        providerAsOf = providerAsOf == null ? Optional.empty() : providerAsOf;
        goneAt = goneAt == null ? Optional.empty() : goneAt;
    }
}
