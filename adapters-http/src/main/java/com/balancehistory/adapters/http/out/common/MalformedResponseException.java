package com.balancehistory.adapters.http.out.common;

/**
 * A provider body that breaks its documented format. The message starts with the JSON path of the field at fault:
 * {@code data[1].balance: expected a decimal string, got number}. Never carries a credential.
 */
public class MalformedResponseException extends RuntimeException {

    private final String field;

    public MalformedResponseException(String field, String problem) {
        super((field == null || field.isEmpty() ? "body" : field) + ": " + problem);
        this.field = field == null || field.isEmpty() ? "body" : field;
    }

    /** JSON path of the field at fault, or {@code body} for the whole body. */
    public String field() {
        return field;
    }
}
