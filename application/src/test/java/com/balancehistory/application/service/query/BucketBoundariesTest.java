package com.balancehistory.application.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.port.in.query.HistoryBucketing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketBoundariesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static List<Instant> of(HistoryBucketing unit, String from, String to, ZoneId zone) {
        return BucketBoundaries.of(unit, Instant.parse(from), Instant.parse(to), zone, 10_000)
                .orElseThrow();
    }

    @Test
    void the_spring_change_day_in_london_is_one_bucket_of_23_hours() {
        List<Instant> days = of(HistoryBucketing.DAY, "2026-03-29T00:00:00Z", "2026-03-30T12:00:00Z", LONDON);

        assertThat(days)
                .containsExactly(
                        Instant.parse("2026-03-29T00:00:00Z"),
                        Instant.parse("2026-03-29T23:00:00Z"),
                        Instant.parse("2026-03-30T23:00:00Z"));
        assertThat(Duration.between(days.get(0), days.get(1))).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void the_autumn_change_day_in_london_has_25_hour_buckets() {
        List<Instant> hours = of(HistoryBucketing.HOUR, "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z", LONDON);

        assertThat(hours).hasSize(26);
        assertThat(hours.get(0)).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
        assertThat(hours.get(25)).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
    }

    @Test
    void buckets_start_at_the_unit_containing_from_and_end_at_or_after_to() {
        List<Instant> weeks =
                of(HistoryBucketing.WEEK, "2026-11-19T10:00:00Z", "2026-11-24T00:00:00Z", ZoneId.of("UTC"));
        assertThat(weeks)
                .containsExactly(
                        Instant.parse("2026-11-16T00:00:00Z"),
                        Instant.parse("2026-11-23T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z"));

        List<Instant> months =
                of(HistoryBucketing.MONTH, "2026-01-31T23:30:00Z", "2026-02-01T00:00:00Z", ZoneId.of("Asia/Tokyo"));
        assertThat(months)
                .containsExactly(Instant.parse("2026-01-31T15:00:00Z"), Instant.parse("2026-02-28T15:00:00Z"));
    }

    @Test
    void a_half_hour_offset_zone_keeps_local_hours() {
        List<Instant> hours =
                of(HistoryBucketing.HOUR, "2026-05-01T00:10:00Z", "2026-05-01T01:00:00Z", ZoneId.of("Asia/Kolkata"));
        assertThat(hours)
                .containsExactly(
                        Instant.parse("2026-04-30T23:30:00Z"),
                        Instant.parse("2026-05-01T00:30:00Z"),
                        Instant.parse("2026-05-01T01:30:00Z"));
    }

    @Test
    void too_many_buckets_are_refused_rather_than_computed() {
        assertThat(BucketBoundaries.of(
                        HistoryBucketing.HOUR,
                        Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        ZoneId.of("UTC"),
                        1000))
                .isEmpty();
    }
}
