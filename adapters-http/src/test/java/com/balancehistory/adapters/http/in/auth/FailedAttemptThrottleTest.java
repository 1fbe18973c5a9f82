package com.balancehistory.adapters.http.in.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.testing.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptThrottleTest {
    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FailedAttemptThrottle throttle =
            new FailedAttemptThrottle(new FailedAttemptThrottle.Settings(3, Duration.ofSeconds(60), 100), clock);

    @Test
    void an_address_is_blocked_after_the_allowed_failures_until_the_oldest_leaves_the_window() {
        throttle.recordFailure("10.0.0.1");
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.recordFailure("10.0.0.1").blockedFor()).isEmpty();
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

        FailedAttemptThrottle.Failure third = throttle.recordFailure("10.0.0.1");

        assertThat(third.failuresInWindow()).isEqualTo(3);
        assertThat(third.blockedFor()).contains(Duration.ofSeconds(50));
        clock.advance(Duration.ofSeconds(49));
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void other_addresses_are_not_affected_by_one_that_guesses() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("10.0.0.1");
        }
        assertThat(throttle.blockedFor("10.0.0.1")).isPresent();
        assertThat(throttle.blockedFor("10.0.0.2")).isEmpty();
        assertThat(throttle.recordFailure("10.0.0.2").blockedFor()).isEmpty();
    }

    @Test
    void failures_spread_wider_than_the_window_never_block() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.recordFailure("10.0.0.1").blockedFor()).isEmpty();
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void memory_stays_bounded_when_many_addresses_fail() {
        FailedAttemptThrottle small =
                new FailedAttemptThrottle(new FailedAttemptThrottle.Settings(2, Duration.ofMinutes(1), 10), clock);
        for (int i = 0; i < 1000; i++) {
            small.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(small.rememberedAddresses()).isLessThanOrEqualTo(10);
        small.recordFailure("10.9.9.9");
        small.recordFailure("10.9.9.9");
        assertThat(small.blockedFor("10.9.9.9")).isPresent();
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_never_zero() {
        assertThat(FailedAttemptThrottle.retryAfterSeconds(Duration.ofMillis(1)))
                .isEqualTo(1);
        assertThat(FailedAttemptThrottle.retryAfterSeconds(Duration.ofMillis(1500)))
                .isEqualTo(2);
        assertThat(FailedAttemptThrottle.retryAfterSeconds(Duration.ofSeconds(7)))
                .isEqualTo(7);
    }

    @Test
    void settings_that_would_disable_the_throttle_are_refused() {
        assertThatThrownBy(() -> new FailedAttemptThrottle.Settings(0, Duration.ofMinutes(1), 10))
                .hasMessageContaining("max-failures");
        assertThatThrownBy(() -> new FailedAttemptThrottle.Settings(3, Duration.ZERO, 10))
                .hasMessageContaining("window");
    }
}
