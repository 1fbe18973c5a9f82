package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Turns unsuccessful HTTP outcomes and malformed bodies into typed {@link FetchFailure}s. */
public final class ProviderFailures {

    private ProviderFailures() {}

    /** 401 UNAUTHORIZED, 403 FORBIDDEN, 404 NOT_FOUND, 429 RATE_LIMITED, 5xx UNAVAILABLE, other BAD_REQUEST. */
    public static FailureKind kindOf(int status) {
        if (status == 401) {
            return FailureKind.UNAUTHORIZED;
        }
        if (status == 403) {
            return FailureKind.FORBIDDEN;
        }
        if (status == 404) {
            return FailureKind.NOT_FOUND;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status >= 500) {
            return FailureKind.UNAVAILABLE;
        }
        return FailureKind.BAD_REQUEST;
    }

    /** The failure for an outcome that is not a 2xx answer. {@code externalId} null means the whole source. */
    public static FetchFailure of(HttpOutcome outcome, String endpoint, String externalId) {
        String retries = outcome.attempts() > 1 ? " (after " + outcome.attempts() + " attempts)" : "";
        String note = outcome.retryNote() == null ? "" : "; " + outcome.retryNote();
        if (!outcome.hasResponse()) {
            return new FetchFailure(
                    endpoint, outcome.transportFailure(), outcome.transportReason() + retries + note, externalId);
        }
        String retryAt = outcome.retryAt() == null ? "" : "; no call before " + outcome.retryAt();
        String reason =
                "HTTP " + outcome.status() + retries + ": " + describeErrorBody(outcome.body()) + note + retryAt;
        return new FetchFailure(endpoint, kindOf(outcome.status()), reason, externalId, outcome.retryAt());
    }

    /** A malformed body, naming the field at fault. */
    public static FetchFailure malformed(String endpoint, String externalId, MalformedResponseException e) {
        return new FetchFailure(endpoint, FailureKind.MALFORMED_RESPONSE, e.getMessage(), externalId);
    }

    /**
     * A short summary of a provider error body: the documented error fields ({@code code}, {@code errorCode},
     * {@code message}, {@code error}, {@code requestId}) when it is JSON, else its first characters.
     */
    public static String describeErrorBody(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        JsonNode node = ProviderJson.tryParse(body);
        if (node != null && node.isObject()) {
            List<String> parts = new ArrayList<>();
            for (String field : new String[] {"code", "errorCode", "message", "error"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    parts.add(shorten(value.asText(), 200));
                }
            }
            JsonNode requestId = node.get("requestId");
            String suffix = requestId != null && requestId.isValueNode() && !requestId.isNull()
                    ? " (requestId " + shorten(requestId.asText(), 60) + ")"
                    : "";
            if (!parts.isEmpty()) {
                return String.join(": ", parts) + suffix;
            }
        }
        return shorten(body.strip().replaceAll("\\s+", " "), 160);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
