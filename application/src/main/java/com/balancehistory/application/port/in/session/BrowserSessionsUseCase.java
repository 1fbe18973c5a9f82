package com.balancehistory.application.port.in.session;

import java.util.Optional;

/** Signing a browser in with an already verified API key, recognising it on later requests, and signing it out. */
public interface BrowserSessionsUseCase {

    /** Starts a session for a verified key; the returned id goes into the cookie and is not stored anywhere. */
    StartedSession start(String keyName, String role);

    /** The live session a cookie value stands for, extending its idle timeout; empty when unknown or expired. */
    Optional<BrowserSession> resume(String sessionId);

    /** Ends the session everywhere; unknown ids are ignored. */
    void end(String sessionId);

    /** A new session: the cookie value and what it grants. */
    record StartedSession(String sessionId, BrowserSession session) {}

    /** What a live session grants: the signed-in key's name and role, and the CSRF token bound to it. */
    record BrowserSession(String keyName, String role, String csrfToken) {

        /** Constant-time comparison of a presented CSRF token with this session's. */
        public boolean acceptsCsrfToken(String presented) {
            return presented != null
                    && java.security.MessageDigest.isEqual(
                            csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
