package com.balancehistory.application.testing;

import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.port.out.session.StoredSession;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in a map; the contract test keeps it honest against the PostgreSQL store. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(StoredSession session) {
        sessions.put(session.idSha256(), session);
    }

    @Override
    public Optional<StoredSession> find(String idSha256) {
        return Optional.ofNullable(sessions.get(idSha256));
    }

    @Override
    public void touch(String idSha256, Instant lastSeenAt) {
        sessions.computeIfPresent(
                idSha256,
                (id, s) -> new StoredSession(
                        id, s.keyName(), s.role(), s.csrfToken(), s.createdAt(), lastSeenAt, s.expiresAt()));
    }

    @Override
    public void delete(String idSha256) {
        sessions.remove(idSha256);
    }

    @Override
    public int deleteExpired(Instant now, Instant idleCutoff) {
        int before = sessions.size();
        sessions.values()
                .removeIf(s -> !s.expiresAt().isAfter(now) || !s.lastSeenAt().isAfter(idleCutoff));
        return before - sessions.size();
    }

    public int size() {
        return sessions.size();
    }
}
