package com.balancehistory.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The balances of one account as observed in one poll, with the provider's own as-of time where it gives one. */
public record BalanceObservation(Account account, Balances balances, Optional<Instant> providerAsOf) {

    public BalanceObservation {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(balances, "balances");
        providerAsOf = providerAsOf == null ? Optional.empty() : providerAsOf;
        if (!balances.available().hasCurrency(account.currency())) {
            throw new IllegalArgumentException("account " + account.id() + " is in " + account.currency()
                    + " but its balance is in " + balances.available().currencyCode());
        }
    }

    public static BalanceObservation of(Account account, Balances balances) {
        return new BalanceObservation(account, balances, Optional.empty());
    }
}
