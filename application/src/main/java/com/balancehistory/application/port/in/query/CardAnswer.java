package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.CardLimitsReading;
import java.util.Objects;

/** An answer about one card ({@code result}) with the limits reading it is based on and whether that is stale. */
public record CardAnswer<T>(CardLimitsReading reading, boolean stale, T result) {

    public CardAnswer {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(result, "result");
    }
}
