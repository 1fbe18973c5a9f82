package com.balancehistory.application.port.out;

import java.util.Objects;

/**
 * A typed fetch error: which endpoint, what kind, and a human reason that names the field at fault where there is
 * one. Never contains a credential.
 *
 * @param externalId the provider's id of the one account that failed (card or grant), or null for the whole source
 */
public record FetchFailure(String endpoint, FailureKind kind, String reason, String externalId) {

    public FetchFailure {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static FetchFailure ofSource(String endpoint, FailureKind kind, String reason) {
        return new FetchFailure(endpoint, kind, reason, null);
    }

    public static FetchFailure ofAccount(String externalId, String endpoint, FailureKind kind, String reason) {
        return new FetchFailure(endpoint, kind, reason, externalId);
    }

    /** One line for logs and poll records: {@code GET /v1/... (grnt_1): NOT_FOUND: no budget allocation}. */
    public String describe() {
        return endpoint + (externalId == null ? "" : " (" + externalId + ")") + ": " + kind + ": " + reason;
    }
}
