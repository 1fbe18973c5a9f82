package com.balancehistory.application.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.out.query.StaleCutoffs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceIntervalsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void a_value_is_stale_once_older_than_twice_its_sources_interval() {
        StaleCutoffs cutoffs =
                new SourceIntervals(Map.of("hourly", Duration.ofHours(1)), Duration.ofMinutes(5)).cutoffsAt(NOW);

        assertThat(cutoffs.isStale("hourly", NOW.minus(Duration.ofMinutes(119))))
                .isFalse();
        assertThat(cutoffs.isStale("hourly", NOW.minus(Duration.ofMinutes(121))))
                .isTrue();
        assertThat(cutoffs.isStale("unconfigured", NOW.minus(Duration.ofMinutes(9))))
                .isFalse();
        assertThat(cutoffs.isStale("unconfigured", NOW.minus(Duration.ofMinutes(11))))
                .isTrue();
    }

    @Test
    void intervals_must_be_positive() {
        assertThatThrownBy(() -> new SourceIntervals(Map.of("x", Duration.ZERO), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x");
    }
}
