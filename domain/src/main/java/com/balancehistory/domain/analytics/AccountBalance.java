package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** One account's current balance as the analytics see it: id, display name, available and (if known) initial. */
public record AccountBalance(AccountId id, String name, Money available, Optional<Money> initial) {

    public AccountBalance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(available, "available");
        name = name == null || name.isBlank() ? id.value() : name;
        initial = initial == null ? Optional.empty() : initial;
        initial.ifPresent(start -> {
            if (!start.hasCurrency(available.currency())) {
                throw new CurrencyMismatchException("account " + id + " is in " + available.currencyCode()
                        + " but its initial balance is in " + start.currencyCode());
            }
        });
    }

    public static AccountBalance of(AccountId id, String name, Money available) {
        return new AccountBalance(id, name, available, Optional.empty());
    }

    public static AccountBalance of(AccountId id, String name, Money available, Money initial) {
        return new AccountBalance(id, name, available, Optional.of(initial));
    }

    /** The available and initial balance of one poll's observation. */
    public static AccountBalance from(BalanceObservation observation) {
        return new AccountBalance(
                observation.account().id(),
                observation.account().name(),
                observation.balances().available(),
                observation.balances().initial());
    }

    public Currency currency() {
        return available.currency();
    }
}
