package com.balancehistory.domain.money;

/** A currency code that is not a known ISO 4217 currency. */
public class UnknownCurrencyException extends IllegalArgumentException {
    public UnknownCurrencyException(String message) {
        super(message);
    }
}
