package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.util.Currency;

/** Short helpers for analytics tests. */
final class Fixtures {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    private Fixtures() {}

    static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }

    static Money jpy(String amount) {
        return Money.parse(amount, JPY);
    }

    static AccountId id(String value) {
        return new AccountId(value);
    }

    static AccountBalance account(String id, Money available) {
        return AccountBalance.of(id(id), id, available);
    }

    static AccountBalance account(String id, Money available, Money initial) {
        return AccountBalance.of(id(id), id, available, initial);
    }
}
