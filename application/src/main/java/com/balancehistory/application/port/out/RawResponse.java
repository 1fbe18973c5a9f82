package com.balancehistory.application.port.out;

import java.util.Objects;

/** A provider response body kept for audit and reprocessing; request credentials are never part of it. */
public record RawResponse(String endpoint, int status, String body) {

    public RawResponse {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(body, "body");
    }
}
