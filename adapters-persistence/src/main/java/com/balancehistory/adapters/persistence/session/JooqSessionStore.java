package com.balancehistory.adapters.persistence.session;

import static com.balancehistory.db.jooq.Tables.BROWSER_SESSION;

import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.port.out.session.StoredSession;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** Browser sessions in PostgreSQL's {@code browser_session}: every instance sees the same sessions. */
public final class JooqSessionStore implements SessionStore {

    private final DSLContext dsl;

    public JooqSessionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void create(StoredSession session) {
        dsl.insertInto(BROWSER_SESSION)
                .set(BROWSER_SESSION.ID_SHA256, session.idSha256())
                .set(BROWSER_SESSION.KEY_NAME, session.keyName())
                .set(BROWSER_SESSION.ROLE, session.role())
                .set(BROWSER_SESSION.CSRF_TOKEN, session.csrfToken())
                .set(BROWSER_SESSION.CREATED_AT, utc(session.createdAt()))
                .set(BROWSER_SESSION.LAST_SEEN_AT, utc(session.lastSeenAt()))
                .set(BROWSER_SESSION.EXPIRES_AT, utc(session.expiresAt()))
                .execute();
    }

    @Override
    public Optional<StoredSession> find(String idSha256) {
        return dsl.selectFrom(BROWSER_SESSION)
                .where(BROWSER_SESSION.ID_SHA256.eq(idSha256))
                .fetchOptional()
                .map(r -> new StoredSession(
                        r.getIdSha256(),
                        r.getKeyName(),
                        r.getRole(),
                        r.getCsrfToken(),
                        r.getCreatedAt().toInstant(),
                        r.getLastSeenAt().toInstant(),
                        r.getExpiresAt().toInstant()));
    }

    @Override
    public void touch(String idSha256, Instant lastSeenAt) {
        dsl.update(BROWSER_SESSION)
                .set(BROWSER_SESSION.LAST_SEEN_AT, utc(lastSeenAt))
                .where(BROWSER_SESSION.ID_SHA256.eq(idSha256))
                .execute();
    }

    @Override
    public void delete(String idSha256) {
        dsl.deleteFrom(BROWSER_SESSION)
                .where(BROWSER_SESSION.ID_SHA256.eq(idSha256))
                .execute();
    }

    @Override
    public int deleteExpired(Instant now, Instant idleCutoff) {
        return dsl.deleteFrom(BROWSER_SESSION)
                .where(BROWSER_SESSION.EXPIRES_AT.le(utc(now)).or(BROWSER_SESSION.LAST_SEEN_AT.le(utc(idleCutoff))))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
