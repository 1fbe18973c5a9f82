package com.balancehistory.application.port.in.query;

import java.util.Objects;

/** A query the caller got wrong (a range too large, {@code from} after {@code to}); names the parameter at fault. */
public class InvalidQueryException extends IllegalArgumentException {

    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    public String parameter() {
        return parameter;
    }
}
