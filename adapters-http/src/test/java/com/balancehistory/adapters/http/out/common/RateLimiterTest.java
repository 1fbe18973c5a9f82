package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.testing.TestRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void spaces_requests_evenly_at_the_configured_rate() throws InterruptedException {
        TestRuntime test = new TestRuntime();
        RateLimiter limiter = new RateLimiter(80, test.runtime());

        for (int i = 0; i < 81; i++) {
            limiter.acquire();
        }

        // the first goes at once, each next one 12.5 ms later: 80 intervals = 1 s for 81 requests
        assertThat(test.sleeps()).hasSize(80).allMatch(d -> d.equals(Duration.ofNanos(12_500_000)));
    }

    @Test
    void does_not_save_up_permits_while_idle() throws InterruptedException {
        TestRuntime test = new TestRuntime();
        RateLimiter limiter = new RateLimiter(10, test.runtime());
        limiter.acquire();
        test.advance(Duration.ofSeconds(5));

        limiter.acquire();
        limiter.acquire();

        assertThat(test.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void zero_means_unlimited() throws InterruptedException {
        TestRuntime test = new TestRuntime();
        RateLimiter limiter = new RateLimiter(0, test.runtime());
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(test.sleeps()).isEmpty();
    }
}
