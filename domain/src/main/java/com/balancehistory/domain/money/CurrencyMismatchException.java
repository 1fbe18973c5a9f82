package com.balancehistory.domain.money;

/** An operation that would mix two currencies without an exchange rate. */
public class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(String message) {
        super(message);
    }
}
