package com.balancehistory.adapters.http.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.in.CursorInputStreamTest.CountingCursor;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportGateTest {

    private static InputStream open(ExportGate gate, CountingCursor cursor) {
        return gate.stream(
                () -> cursor,
                i -> String.valueOf(i).getBytes(StandardCharsets.US_ASCII),
                new byte[0],
                new byte[] {'\n'},
                new byte[0]);
    }

    @Test
    void beyond_the_bound_an_export_is_refused_with_a_retry_time_and_its_cursor_is_never_opened() throws IOException {
        try (ExportGate gate =
                new ExportGate(new ExportGate.Limits(2, Duration.ofSeconds(30), Duration.ofMinutes(5)))) {
            InputStream first = open(gate, new CountingCursor(10));
            InputStream second = open(gate, new CountingCursor(10));
            AtomicInteger opened = new AtomicInteger();

            assertThatThrownBy(() -> gate.stream(
                            () -> {
                                opened.incrementAndGet();
                                return new CountingCursor(1);
                            },
                            i -> new byte[0],
                            new byte[0],
                            new byte[0],
                            new byte[0]))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.status().getCode()).isEqualTo(429);
                        assertThat(problem.retryAfter()).contains(Duration.ofSeconds(30));
                        assertThat(problem.getMessage()).contains("2 exports are streaming already");
                    });
            assertThat(opened).hasValue(0);
            assertThat(gate.active()).isEqualTo(2);

            first.readAllBytes();
            assertThat(gate.active())
                    .as("an export read to its end gives its permit back")
                    .isEqualTo(1);
            second.close();
            assertThat(gate.active()).isZero();
            open(gate, new CountingCursor(1)).close();
        }
    }

    @Test
    void an_export_whose_client_reads_nothing_is_aborted_its_cursor_closed_and_its_permit_given_back()
            throws Exception {
        try (ExportGate gate =
                new ExportGate(new ExportGate.Limits(1, Duration.ofMillis(200), Duration.ofMinutes(5)))) {
            CountingCursor cursor = new CountingCursor(1_000_000);
            InputStream stalled = open(gate, cursor);
            stalled.read(new byte[100]);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!cursor.closed && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cursor.closed)
                    .as("the watchdog closed the unread cursor")
                    .isTrue();
            assertThat(gate.active()).isZero();
            assertThatThrownBy(() -> stalled.read(new byte[100]))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("export aborted: the client read nothing for PT0.2S");
        }
    }

    @Test
    void an_export_that_reads_steadily_is_left_alone_until_its_maximum_duration() throws Exception {
        try (ExportGate gate =
                new ExportGate(new ExportGate.Limits(1, Duration.ofMillis(500), Duration.ofMillis(1200)))) {
            CountingCursor cursor = new CountingCursor(Integer.MAX_VALUE);
            long start = System.nanoTime();
            InputStream steady = open(gate, cursor);
            assertThatThrownBy(() -> {
                        while (true) {
                            steady.read(new byte[16]);
                            Thread.sleep(20);
                        }
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("it streamed for longer than PT1.2S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
            assertThat(gate.active()).isZero();
        }
    }

    @Test
    void limits_name_the_key_that_is_wrong() {
        assertThatThrownBy(() -> new ExportGate.Limits(0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("balance-history.api.exports.max-concurrent must be at least 1");
        assertThatThrownBy(() -> new ExportGate.Limits(1, Duration.ZERO, Duration.ofMinutes(1)))
                .hasMessageContaining("balance-history.api.exports.idle-timeout must be positive");
        assertThatThrownBy(() -> new ExportGate.Limits(1, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("balance-history.api.exports.max-duration (PT1M) must not be shorter");
    }
}
