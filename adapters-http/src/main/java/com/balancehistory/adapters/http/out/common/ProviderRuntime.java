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
 * @param observer  told about every request, retry and rate-limit wait (metrics)
 * @param httpClients builds the source's JDK HTTP client, again when it has died
 */
public record ProviderRuntime(
        Clock clock,
        Sleeper sleeper,
        DoubleSupplier jitter,
        LongSupplier nanoTime,
        ProviderCallObserver observer,
        HttpClients httpClients) {

    public ProviderRuntime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(httpClients, "httpClients");
    }

    public ProviderRuntime(
            Clock clock, Sleeper sleeper, DoubleSupplier jitter, LongSupplier nanoTime, ProviderCallObserver observer) {
        this(clock, sleeper, jitter, nanoTime, observer, HttpClients.JDK);
    }

    public ProviderRuntime(Clock clock, Sleeper sleeper, DoubleSupplier jitter, LongSupplier nanoTime) {
        this(clock, sleeper, jitter, nanoTime, ProviderCallObserver.NONE);
    }

    /** The real clock, real sleeping, a random jitter. */
    public static ProviderRuntime system() {
        SplittableRandom random = new SplittableRandom();
        return new ProviderRuntime(
                Clock.systemUTC(),
                Sleeper.system(),
                () -> {
                    synchronized (random) {
                        return random.nextDouble();
                    }
                },
                System::nanoTime);
    }

    public ProviderRuntime withClock(Clock newClock) {
        return new ProviderRuntime(newClock, sleeper, jitter, nanoTime, observer, httpClients);
    }

    public ProviderRuntime withSleeper(Sleeper newSleeper) {
        return new ProviderRuntime(clock, newSleeper, jitter, nanoTime, observer, httpClients);
    }

    public ProviderRuntime withObserver(ProviderCallObserver newObserver) {
        return new ProviderRuntime(clock, sleeper, jitter, nanoTime, newObserver, httpClients);
    }

    public ProviderRuntime withHttpClients(HttpClients newHttpClients) {
        return new ProviderRuntime(clock, sleeper, jitter, nanoTime, observer, newHttpClients);
    }
}
