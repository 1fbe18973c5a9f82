package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTimingTest {

    private final TestRuntime test = new TestRuntime();

    private RetryTiming timing(double jitter) {
        ProviderRuntime runtime = new ProviderRuntime(
                test.runtime().clock(),
                test.runtime().sleeper(),
                () -> jitter,
                test.runtime().nanoTime());
        return new RetryTiming(
                HttpSettings.defaults().withRetries(8, Duration.ofMillis(250), Duration.ofSeconds(10)), runtime);
    }

    @Test
    void backoff_doubles_up_to_the_cap_with_jitter_between_half_and_all_of_it() {
        RetryTiming full = timing(1.0);
        RetryTiming half = timing(0.0);

        assertThat(List.of(
                        full.backoff(0),
                        full.backoff(1),
                        full.backoff(2),
                        full.backoff(5),
                        full.backoff(6),
                        full.backoff(40)))
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(8000),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
        assertThat(half.backoff(0)).isEqualTo(Duration.ofMillis(125));
        assertThat(half.backoff(6)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reads_retry_after_as_seconds_or_http_date_and_ignores_garbage() {
        RetryTiming timing = timing(1.0);
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                test.now().plusSeconds(10).atOffset(ZoneOffset.UTC));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                test.now().minusSeconds(10).atOffset(ZoneOffset.UTC));

        assertThat(timing.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(timing.retryAfter(inTenSeconds)).contains(Duration.ofSeconds(10));
        assertThat(timing.retryAfter(past)).contains(Duration.ZERO);
        assertThat(timing.retryAfter("soon")).isEmpty();
        assertThat(timing.retryAfter(null)).isEmpty();
    }
}
