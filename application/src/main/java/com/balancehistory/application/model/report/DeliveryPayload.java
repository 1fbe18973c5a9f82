package com.balancehistory.application.model.report;

import java.util.Map;
import java.util.Objects;

/**
 * What is delivered: a report or an alert event ({@code subject}, {@code subjectId}), its JSON, and the files a
 * directory receives, by file name.
 */
public record DeliveryPayload(String subject, long subjectId, String json, Map<String, String> files) {

    public DeliveryPayload {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(json, "json");
        files = Map.copyOf(files);
    }
}
