package com.balancehistory.application.port.out.session;

import java.time.Instant;
import java.util.Objects;

/** A browser session as stored: the hash of its id, who signed in (key name and role, never the key), its CSRF token. */
public record StoredSession(
        String idSha256,
        String keyName,
        String role,
        String csrfToken,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {

    public StoredSession {
        Objects.requireNonNull(idSha256, "idSha256");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
