package com.balancehistory.application.service.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.in.session.BrowserSessionsUseCase.BrowserSession;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase.StartedSession;
import com.balancehistory.application.testing.InMemorySessionStore;
import com.balancehistory.application.testing.MovingClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowserSessionServiceTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final BrowserSessionService sessions = new BrowserSessionService(
            store, new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(8)), clock, new SecureRandom());

    @Test
    void a_started_session_is_resumed_by_its_id_with_the_key_name_role_and_csrf_token() {
        StartedSession started = sessions.start("dashboards", "admin");

        assertThat(sessions.resume(started.sessionId()))
                .contains(new BrowserSession(
                        "dashboards", "admin", started.session().csrfToken()));
    }

    @Test
    void the_store_holds_the_hash_of_the_id_never_the_id_itself() {
        StartedSession started = sessions.start("dashboards", "reader");

        assertThat(store.find(started.sessionId())).isEmpty();
        assertThat(store.find(BrowserSessionService.sha256(started.sessionId())))
                .isPresent();
    }

    @Test
    void ids_and_csrf_tokens_are_long_random_and_distinct() {
        StartedSession first = sessions.start("dashboards", "reader");
        StartedSession second = sessions.start("dashboards", "reader");

        assertThat(first.sessionId())
                .hasSize(43)
                .isNotEqualTo(second.sessionId())
                .isNotEqualTo(first.session().csrfToken());
        assertThat(first.session().csrfToken()).isNotEqualTo(second.session().csrfToken());
    }

    @Test
    void a_session_idle_for_the_idle_timeout_is_gone_but_activity_keeps_it_alive() {
        StartedSession active = sessions.start("dashboards", "reader");
        StartedSession idle = sessions.start("dashboards", "reader");

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.resume(active.sessionId()))
                    .as("after %d minutes", 20 * (i + 1))
                    .isPresent();
        }

        assertThat(sessions.resume(idle.sessionId())).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void a_session_ends_at_its_absolute_lifetime_however_active() {
        StartedSession started = sessions.start("dashboards", "reader");

        for (int i = 0; i < 31; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.resume(started.sessionId())).isPresent();
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.resume(started.sessionId())).isEmpty();
    }

    @Test
    void ending_a_session_makes_its_id_worthless() {
        StartedSession started = sessions.start("dashboards", "reader");

        sessions.end(started.sessionId());

        assertThat(sessions.resume(started.sessionId())).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void unknown_empty_and_oversized_ids_resume_nothing() {
        assertThat(sessions.resume(null)).isEmpty();
        assertThat(sessions.resume("")).isEmpty();
        assertThat(sessions.resume("x".repeat(10_000))).isEmpty();
        assertThat(sessions.resume("no-such-session")).isEmpty();
    }

    @Test
    void the_csrf_token_matches_only_itself() {
        BrowserSession session = sessions.start("dashboards", "reader").session();

        assertThat(session.acceptsCsrfToken(session.csrfToken())).isTrue();
        assertThat(session.acceptsCsrfToken(session.csrfToken() + "x")).isFalse();
        assertThat(session.acceptsCsrfToken("")).isFalse();
        assertThat(session.acceptsCsrfToken(null)).isFalse();
    }

    @Test
    void a_lifetime_shorter_than_the_idle_timeout_is_refused_with_both_names() {
        assertThatThrownBy(() -> new SessionSettings(Duration.ofHours(1), Duration.ofMinutes(5)))
                .hasMessageContaining("max-lifetime")
                .hasMessageContaining("idle-timeout");
    }
}
