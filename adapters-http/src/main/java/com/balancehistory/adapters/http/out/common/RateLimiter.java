package com.balancehistory.adapters.http.out.common;

import java.time.Duration;

/**
 * Spaces requests evenly at most {@code permitsPerSecond} apart (no bursts), so a provider never sees more than
 * that many requests start in any one second. Each caller reserves the next free slot under a lock and waits
 * outside it. A rate of zero or less means unlimited.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final ProviderRuntime runtime;
    private long nextFreeNanos;
    private boolean started;

    public RateLimiter(double permitsPerSecond, ProviderRuntime runtime) {
        this.intervalNanos = permitsPerSecond <= 0 ? 0 : (long) Math.ceil(1_000_000_000d / permitsPerSecond);
        this.runtime = runtime;
    }

    /** Waits until this caller may start a request. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = runtime.nanoTime().getAsLong();
            if (!started || nextFreeNanos - now < 0) {
                nextFreeNanos = now;
                started = true;
            }
            wait = nextFreeNanos - now;
            nextFreeNanos += intervalNanos;
        }
        if (wait > 0) {
            Duration waited = Duration.ofNanos(wait);
            runtime.observer().rateLimitWaited(waited);
            runtime.sleeper().sleep(waited);
        }
    }
}
