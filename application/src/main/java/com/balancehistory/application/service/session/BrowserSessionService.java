package com.balancehistory.application.service.session;

import com.balancehistory.application.port.in.session.BrowserSessionsUseCase;
import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.port.out.session.StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Browser sessions with opaque random ids (256 bits), stored by the id's SHA-256 so the store never holds a usable
 * cookie; idle timeout and absolute lifetime are checked on every resume.
 */
public final class BrowserSessionService implements BrowserSessionsUseCase {

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_ID_LENGTH = 100;

    private final SessionStore store;
    private final SessionSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public BrowserSessionService(SessionStore store, SessionSettings settings, Clock clock, SecureRandom random) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public StartedSession start(String keyName, String role) {
        Instant now = clock.instant();
        String id = randomToken();
        String csrf = randomToken();
        store.deleteExpired(now, now.minus(settings.idleTimeout()));
        store.create(new StoredSession(sha256(id), keyName, role, csrf, now, now, now.plus(settings.maxLifetime())));
        return new StartedSession(id, new BrowserSession(keyName, role, csrf));
    }

    @Override
    public Optional<BrowserSession> resume(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        String hash = sha256(sessionId);
        Optional<StoredSession> found = store.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt())
                || !now.isBefore(session.lastSeenAt().plus(settings.idleTimeout()))) {
            store.delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(settings.touchInterval()))) {
            store.touch(hash, now);
        }
        return Optional.of(new BrowserSession(session.keyName(), session.role(), session.csrfToken()));
    }

    @Override
    public void end(String sessionId) {
        if (sessionId != null && !sessionId.isEmpty() && sessionId.length() <= MAX_ID_LENGTH) {
            store.delete(sha256(sessionId));
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
