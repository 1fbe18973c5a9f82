package com.balancehistory.domain.money;

/** An amount that is not exact money: empty, non-numeric, NaN, exponent notation, or too precise. */
public class InvalidAmountException extends IllegalArgumentException {
    public InvalidAmountException(String message) {
        super(message);
    }
}
