package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewestBalancePollTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private final NewestBalancePoll newest = new NewestBalancePoll(10, AT);

    @Test
    void a_later_poll_comes_after_it_whatever_its_id() {
        assertThat(newest.isOlderThan(poll(3, AT.plusSeconds(1)))).isTrue();
    }

    @Test
    void an_earlier_poll_is_late_whatever_its_id() {
        assertThat(newest.isOlderThan(poll(30, AT.minusSeconds(1)))).isFalse();
    }

    @Test
    void at_the_same_time_the_higher_poll_id_comes_after() {
        assertThat(newest.isOlderThan(poll(11, AT))).isTrue();
        assertThat(newest.isOlderThan(poll(10, AT))).isFalse();
        assertThat(newest.isOlderThan(poll(9, AT))).isFalse();
    }

    private static SourcePollRecord poll(long pollId, Instant at) {
        return new SourcePollRecord(
                pollId, "s", "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, Fixtures.fetched("s"));
    }
}
