package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Stored amounts back to money. Amounts are NUMERIC(24,4); the trailing zeros beyond the currency's scale are
 * dropped again (anything else there would be a broken invariant, and {@link Money} refuses it).
 */
public final class StoredAmounts {

    private StoredAmounts() {}

    public static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency);
    }

    public static Optional<Money> optionalMoney(BigDecimal amount, Currency currency) {
        return amount == null ? Optional.empty() : Optional.of(Money.of(amount, currency));
    }

    /** The balances of one stored row: available always, the others where the provider gave them. */
    public static Balances balances(
            Currency currency,
            BigDecimal available,
            BigDecimal ledger,
            BigDecimal pending,
            BigDecimal allocated,
            BigDecimal initial) {
        return new Balances(
                money(available, currency),
                optionalMoney(ledger, currency),
                optionalMoney(pending, currency),
                optionalMoney(allocated, currency),
                optionalMoney(initial, currency));
    }
}
