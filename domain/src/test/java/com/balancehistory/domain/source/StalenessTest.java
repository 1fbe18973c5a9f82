package com.balancehistory.domain.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StalenessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void data_is_stale_once_strictly_older_than_two_poll_intervals() {
        assertThat(Staleness.DATA.cutoff(NOW, FIVE_MINUTES)).isEqualTo(Instant.parse("2026-03-01T11:50:00Z"));
        assertThat(Staleness.DATA.isStale(Instant.parse("2026-03-01T11:50:00Z"), NOW, FIVE_MINUTES))
                .isFalse();
        assertThat(Staleness.DATA.isStale(Instant.parse("2026-03-01T11:49:59.999Z"), NOW, FIVE_MINUTES))
                .isTrue();
    }

    @Test
    void a_fractional_count_of_intervals_moves_the_cutoff_by_that_fraction() {
        assertThat(Staleness.afterIntervals(new BigDecimal("1.5")).cutoff(NOW, Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
    }

    @Test
    void intervals_since_a_success_are_counted_to_two_decimals_rounded_down() {
        assertThat(Staleness.intervalsSince(Instant.parse("2026-03-01T11:44:59Z"), NOW, FIVE_MINUTES))
                .isEqualByComparingTo("3.00");
        assertThat(Staleness.intervalsSince(Instant.parse("2026-03-01T11:44:58Z"), NOW, FIVE_MINUTES))
                .isEqualByComparingTo("3.00");
        assertThat(Staleness.intervalsSince(Instant.parse("2026-03-01T11:44:56Z"), NOW, FIVE_MINUTES))
                .isEqualByComparingTo("3.01");
    }

    @Test
    void staleness_needs_a_positive_count() {
        assertThatThrownBy(() -> Staleness.afterIntervals(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
