package com.balancehistory.application.port.out.session;

import java.time.Instant;
import java.util.Optional;

/** Where browser sessions live, shared by every instance of the service; sessions are found by the id's hash. */
public interface SessionStore {

    void create(StoredSession session);

    Optional<StoredSession> find(String idSha256);

    /** Records activity; a no-op for a session that is gone. */
    void touch(String idSha256, Instant lastSeenAt);

    void delete(String idSha256);

    /** Deletes sessions past their absolute lifetime or idle since before {@code idleCutoff}; returns how many. */
    int deleteExpired(Instant now, Instant idleCutoff);
}
