package com.balancehistory.domain.money;

/** An exchange rate given as text that cannot be used; names the field at fault (from, to, rate, date, source). */
public class InvalidFxRateException extends IllegalArgumentException {

    private final String field;

    public InvalidFxRateException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The reason without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
