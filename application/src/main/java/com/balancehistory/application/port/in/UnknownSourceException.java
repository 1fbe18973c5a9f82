package com.balancehistory.application.port.in;

/** A source name that is not configured. */
public class UnknownSourceException extends IllegalArgumentException {
    public UnknownSourceException(String source) {
        super("unknown source '" + source + "'");
    }
}
