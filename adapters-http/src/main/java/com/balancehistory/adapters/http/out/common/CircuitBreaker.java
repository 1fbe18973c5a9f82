package com.balancehistory.adapters.http.out.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One source's circuit breaker: after {@code failureThreshold} consecutive failed fetches it opens and fetches are
 * refused without calling the provider; after {@code openFor} it lets one trial fetch through (half-open), which
 * closes it on success or opens it again on failure. A threshold of zero or less disables it.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN;

        /** {@code closed}, {@code open} or {@code half-open}, as the API and the metrics say it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialRunning;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** The clock the breaker judges cool-downs by. */
    public Clock clock() {
        return clock;
    }

    /** Whether a fetch may call the provider now; moves an expired open breaker to half-open. */
    public synchronized boolean allowCall() {
        if (failureThreshold <= 0 || state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialRunning = false;
        }
        if (state == State.HALF_OPEN && !trialRunning) {
            trialRunning = true;
            return true;
        }
        return false;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialRunning = false;
        openUntil = null;
    }

    public synchronized void recordFailure() {
        consecutiveFailures++;
        trialRunning = false;
        if (failureThreshold > 0 && (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold)) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When an open breaker will let a trial through, or null when it is not open. */
    public synchronized Instant openUntil() {
        return state == State.OPEN ? openUntil : null;
    }
}
