package com.balancehistory.adapters.http.out.testing;

import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.adapters.http.out.common.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runtime for tests: a settable clock, a sleeper that only records its waits (and moves the clock and the
 * monotonic time on by them), and jitter fixed at 1.0 so every backoff is exactly its cap.
 */
public final class TestRuntime {

    public static final Instant START = Instant.parse("2026-04-05T15:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();
    private volatile Instant now = START;

    public ProviderRuntime runtime() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        Sleeper sleeper = duration -> {
            synchronized (sleeps) {
                sleeps.add(duration);
            }
            nanos.addAndGet(duration.toNanos());
            now = now.plus(duration);
        };
        return new ProviderRuntime(clock, sleeper, () -> 1.0, nanos::get);
    }

    /** Every wait asked for, in order (backoffs, Retry-After). */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
        nanos.addAndGet(duration.toNanos());
    }

    public Instant now() {
        return now;
    }
}
