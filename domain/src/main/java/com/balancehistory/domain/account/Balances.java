package com.balancehistory.domain.account;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * The balances of one account at one moment, all in the account's currency: available always, and ledger, pending,
 * allocated and initial where the provider gives them.
 */
public record Balances(
        Money available,
        Optional<Money> ledger,
        Optional<Money> pending,
        Optional<Money> allocated,
        Optional<Money> initial) {

    public Balances {
        Objects.requireNonNull(available, "available");
        ledger = ledger == null ? Optional.empty() : ledger;
        pending = pending == null ? Optional.empty() : pending;
        allocated = allocated == null ? Optional.empty() : allocated;
        initial = initial == null ? Optional.empty() : initial;
        requireCurrencyOf(available, ledger);
        requireCurrencyOf(available, pending);
        requireCurrencyOf(available, allocated);
        requireCurrencyOf(available, initial);
    }

    private static void requireCurrencyOf(Money available, Optional<Money> other) {
        if (other.isPresent() && !other.get().hasCurrency(available.currency())) {
            throw new CurrencyMismatchException("balances of one account must share a currency: "
                    + available.currencyCode() + " and " + other.get().currencyCode());
        }
    }

    public static Balances available(Money available) {
        return new Balances(available, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Balances withInitial(Money initialAmount) {
        return new Balances(available, ledger, pending, allocated, Optional.of(initialAmount));
    }
}
