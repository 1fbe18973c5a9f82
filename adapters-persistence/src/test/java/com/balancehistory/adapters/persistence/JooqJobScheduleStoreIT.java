package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.report.JooqJobScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class JooqJobScheduleStoreIT {

    private static final Instant T0 = Instant.parse("2021-05-03T06:00:00Z");
    private static final UnaryOperator<Instant> HOURLY = now -> now.plus(Duration.ofHours(1));

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqJobScheduleStore store = new JooqJobScheduleStore(dsl);
    private final String job = "test:" + UUID.randomUUID();

    @Test
    void a_job_seen_for_the_first_time_is_scheduled_and_not_yet_due() {
        assertThat(store.nextDue(job)).isEmpty();

        assertThat(store.claimIfDue(job, "a", T0, HOURLY)).isEmpty();

        assertThat(store.nextDue(job)).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void a_due_slot_is_claimed_once_with_its_own_time_and_the_claimant_recorded() {
        store.claimIfDue(job, "a", T0, HOURLY);
        Instant later = T0.plus(Duration.ofMinutes(61));

        assertThat(store.claimIfDue(job, "a", later, HOURLY)).contains(T0.plus(Duration.ofHours(1)));
        assertThat(store.claimIfDue(job, "b", later, HOURLY)).isEmpty();

        assertThat(store.nextDue(job)).contains(later.plus(Duration.ofHours(1)));
        assertThat(dsl.fetchOne("SELECT last_claimed_by FROM job_schedule WHERE job = ?", job)
                        .get(0, String.class))
                .isEqualTo("a");
    }

    @Test
    void several_missed_slots_collapse_into_one_claim() {
        store.claimIfDue(job, "a", T0, HOURLY);
        Instant muchLater = T0.plus(Duration.ofHours(5)).plusSeconds(1);

        assertThat(store.claimIfDue(job, "a", muchLater, HOURLY)).contains(T0.plus(Duration.ofHours(1)));
        assertThat(store.claimIfDue(job, "a", muchLater, HOURLY)).isEmpty();
    }

    @Test
    void skipping_moves_only_a_slot_missed_by_more_than_the_grace_and_runs_nothing() {
        store.claimIfDue(job, "a", T0, HOURLY);
        Instant due = T0.plus(Duration.ofHours(1));

        assertThat(store.skipMissed(job, due.plus(Duration.ofMinutes(1)), Duration.ofMinutes(2), HOURLY))
                .isFalse();
        assertThat(store.nextDue(job)).contains(due);

        Instant restart = due.plus(Duration.ofMinutes(30));
        assertThat(store.skipMissed(job, restart, Duration.ofMinutes(2), HOURLY))
                .isTrue();
        assertThat(store.nextDue(job)).contains(restart.plus(Duration.ofHours(1)));
        assertThat(store.claimIfDue(job, "a", restart, HOURLY)).isEmpty();
    }
}
