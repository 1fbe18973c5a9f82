package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.port.out.session.SessionStore;
import com.balancehistory.application.port.out.session.StoredSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} does; run against the in-memory fake and the PostgreSQL store. */
public abstract class SessionStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    protected abstract SessionStore store();

    private static StoredSession session(Instant lastSeen, Instant expires) {
        String id = UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        return new StoredSession(id, "dashboards", "reader", "csrf-" + id.substring(0, 8), T0, lastSeen, expires);
    }

    @Test
    void a_created_session_is_found_by_its_hash_with_every_field() {
        StoredSession session = session(T0, T0.plus(8, ChronoUnit.HOURS));
        store().create(session);

        assertThat(store().find(session.idSha256())).contains(session);
        assertThat(store().find("0".repeat(64))).isEmpty();
    }

    @Test
    void touching_moves_the_last_seen_time_and_deleting_removes_the_session() {
        StoredSession session = session(T0, T0.plus(8, ChronoUnit.HOURS));
        store().create(session);

        store().touch(session.idSha256(), T0.plusSeconds(90));
        assertThat(store().find(session.idSha256()))
                .hasValueSatisfying(found -> assertThat(found.lastSeenAt()).isEqualTo(T0.plusSeconds(90)));

        store().delete(session.idSha256());
        assertThat(store().find(session.idSha256())).isEmpty();
        store().touch(session.idSha256(), T0.plusSeconds(120));
        assertThat(store().find(session.idSha256())).isEmpty();
    }

    @Test
    void sweeping_deletes_sessions_past_their_lifetime_or_idle_too_long_and_keeps_live_ones() {
        Instant now = T0.plus(2, ChronoUnit.HOURS);
        StoredSession live = session(now.minusSeconds(60), T0.plus(8, ChronoUnit.HOURS));
        StoredSession idle = session(now.minus(31, ChronoUnit.MINUTES), T0.plus(8, ChronoUnit.HOURS));
        StoredSession over = session(now.minusSeconds(60), now);
        store().create(live);
        store().create(idle);
        store().create(over);

        assertThat(store().deleteExpired(now, now.minus(30, ChronoUnit.MINUTES)))
                .isGreaterThanOrEqualTo(2);

        assertThat(store().find(live.idSha256())).isPresent();
        assertThat(store().find(idle.idSha256())).isEmpty();
        assertThat(store().find(over.idSha256())).isEmpty();
    }
}
