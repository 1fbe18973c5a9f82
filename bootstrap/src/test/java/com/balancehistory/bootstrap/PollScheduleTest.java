package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    @Test
    void an_interval_schedule_is_due_one_interval_after_now() {
        PollSchedule every = new PollSchedule.Every(Duration.ofMinutes(5));

        assertThat(every.nextAfter(Instant.parse("2026-11-25T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
    }

    @Test
    void a_cron_schedule_follows_its_time_zone_across_daylight_saving() {
        PollSchedule sixInLondon = new PollSchedule.Cron("0 0 6 * * *", ZoneId.of("Europe/London"));

        // winter: 06:00 London is 06:00 UTC; summer: 05:00 UTC
        assertThat(sixInLondon.nextAfter(Instant.parse("2026-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-11T06:00:00Z"));
        assertThat(sixInLondon.nextAfter(Instant.parse("2026-07-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-11T05:00:00Z"));
    }

    @Test
    void a_cron_schedule_reports_its_typical_interval_for_staleness() {
        assertThat(new PollSchedule.Cron("0 */10 * * * *", ZoneOffset.UTC).typicalInterval())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void an_invalid_cron_expression_is_rejected_with_the_expression_named() {
        assertThatThrownBy(() -> new PollSchedule.Cron("every tuesday", ZoneOffset.UTC))
                .hasMessageContaining("every tuesday");
    }
}
