package com.balancehistory.application.model.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MissedSlotsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final UnaryOperator<Instant> EVERY_MINUTE = at -> at.plus(Duration.ofMinutes(1));
    private static final MissedSlots MISSED = new MissedSlots("ahrvo", "database unavailable");

    @Test
    void a_slot_claimed_late_within_its_interval_missed_nothing() {
        assertThat(MISSED.between(T0, T0.plusSeconds(59), EVERY_MINUTE)).isEmpty();
    }

    @Test
    void every_slot_followed_by_another_due_by_now_was_missed_and_the_last_due_one_is_polled_now() {
        List<MissedSlots.Slot> slots = MISSED.between(T0, T0.plusSeconds(200), EVERY_MINUTE);

        assertThat(slots)
                .containsExactly(
                        new MissedSlots.Slot(T0, T0, "database unavailable"),
                        new MissedSlots.Slot(T0.plusSeconds(60), T0.plusSeconds(60), "database unavailable"),
                        new MissedSlots.Slot(T0.plusSeconds(120), T0.plusSeconds(120), "database unavailable"));
    }

    @Test
    void a_longer_outage_ends_with_one_slot_spanning_the_rest_until_the_claim() {
        Instant now = T0.plus(Duration.ofDays(3));

        List<MissedSlots.Slot> slots = MISSED.between(T0, now, EVERY_MINUTE);

        assertThat(slots).hasSize(MissedSlots.MAX_RECORDED);
        MissedSlots.Slot last = slots.get(slots.size() - 1);
        Instant lastSingle = T0.plus(Duration.ofMinutes(MissedSlots.MAX_RECORDED - 2));
        assertThat(slots.get(slots.size() - 2).startedAt()).isEqualTo(lastSingle);
        assertThat(last.startedAt()).isEqualTo(lastSingle.plus(Duration.ofMinutes(1)));
        assertThat(last.finishedAt()).isEqualTo(now);
        assertThat(last.error()).isEqualTo("database unavailable; so were the slots after it until " + now);
    }

    @Test
    void a_schedule_that_does_not_move_forward_ends_the_slots() {
        assertThat(MISSED.between(T0, T0.plusSeconds(600), at -> at)).isEmpty();
    }
}
