package com.balancehistory.adapters.http.out.common;

import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Time and chance as the provider clients see them, injectable so tests never really wait.
 *
 * @param clock     wall clock: Retry-After dates, circuit-breaker cool-downs, fetch times
 * @param sleeper   waits for backoff, Retry-After and the rate limiter
 * @param jitter    uniform numbers in [0, 1) for backoff jitter
 * @param nanoTime  monotonic nanoseconds for the rate limiter
 */
public record ProviderRuntime(Clock clock, Sleeper sleeper, DoubleSupplier jitter, LongSupplier nanoTime) {

    public ProviderRuntime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The real clock, real sleeping, a random jitter. */
    public static ProviderRuntime system() {
        SplittableRandom random = new SplittableRandom();
        return new ProviderRuntime(Clock.systemUTC(), Sleeper.system(), () -> {
            synchronized (random) {
                return random.nextDouble();
            }
        }, System::nanoTime);
    }

    public ProviderRuntime withClock(Clock newClock) {
        return new ProviderRuntime(newClock, sleeper, jitter, nanoTime);
    }

    public ProviderRuntime withSleeper(Sleeper newSleeper) {
        return new ProviderRuntime(clock, newSleeper, jitter, nanoTime);
    }
}
