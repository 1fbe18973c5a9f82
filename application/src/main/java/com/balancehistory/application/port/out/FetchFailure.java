package com.balancehistory.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed fetch error: which endpoint, what kind, and a human reason that names the field at fault where there is
 * one. Never contains a credential.
 *
 * @param externalId the provider's id of the one account that failed (card or grant), or null for the whole source
 * @param retryAt    when the provider said it may be called again (its {@code Retry-After}), or null
 */
public record FetchFailure(String endpoint, FailureKind kind, String reason, String externalId, Instant retryAt) {

    public FetchFailure(String endpoint, FailureKind kind, String reason, String externalId) {
        this(endpoint, kind, reason, externalId, null);
    }

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

    /** When the provider may be called again, if it said so. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAt);
    }

    /** One line for logs and poll records: {@code GET /v1/... (grnt_1): NOT_FOUND: no budget allocation}. */
    public String describe() {
        return endpoint + (externalId == null ? "" : " (" + externalId + ")") + ": " + kind + ": " + reason;
    }
}
