package com.balancehistory.adapters.http.in.auth;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of credentials per client address: after {@code maxFailures} failed attempts within
 * {@code window}, every further attempt from that address is refused until the oldest of those failures leaves the
 * window. A success does not clear the count, so a holder of one valid key cannot interleave it to keep guessing
 * another. Used for API keys and for any other credential check (a login form) that calls {@link #blockedFor} before
 * checking and {@link #recordFailure} after a miss. Memory is bounded by {@code maxAddresses}.
 */
public final class FailedAttemptThrottle {

    /** How many failures within which window block an address, and how many addresses are remembered. */
    public record Settings(int maxFailures, Duration window, int maxAddresses) {
        public Settings {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("max-failures must be at least 1, was " + maxFailures);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be a positive duration, was " + window);
            }
            if (maxAddresses < 1) {
                throw new IllegalArgumentException("max-addresses must be at least 1, was " + maxAddresses);
            }
        }

        public static Settings defaults() {
            return new Settings(10, Duration.ofMinutes(1), 100_000);
        }
    }

    /** What a failure did: how many failures the address has in the window, and whether it is now blocked. */
    public record Failure(int failuresInWindow, Optional<Duration> blockedFor) {}

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailedAttemptThrottle(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Settings settings() {
        return settings;
    }

    /** How long the address must wait before its next attempt is checked at all, or empty when it may try now. */
    public Optional<Duration> blockedFor(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            return blockedFor(recent, clock.instant());
        }
    }

    /** Counts a failed attempt of the address. */
    public Failure recordFailure(String address) {
        Instant now = clock.instant();
        if (failures.size() >= settings.maxAddresses() && !failures.containsKey(address)) {
            forgetExpired(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            dropExpired(recent, now);
            recent.addLast(now);
            while (recent.size() > settings.maxFailures()) {
                recent.removeFirst();
            }
            return new Failure(recent.size(), blockedFor(recent, now));
        }
    }

    private Optional<Duration> blockedFor(Deque<Instant> recent, Instant now) {
        dropExpired(recent, now);
        if (recent.size() < settings.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.peekFirst().plus(settings.window())));
    }

    private void dropExpired(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(settings.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }

    /** Forgets addresses without failures in the window; when all are recent, forgets one, so memory stays bounded. */
    private void forgetExpired(Instant now) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it =
                        failures.entrySet().iterator();
                it.hasNext(); ) {
            Deque<Instant> recent = it.next().getValue();
            synchronized (recent) {
                dropExpired(recent, now);
                if (recent.isEmpty()) {
                    it.remove();
                }
            }
        }
        Iterator<String> any = failures.keySet().iterator();
        while (failures.size() >= settings.maxAddresses() && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    int rememberedAddresses() {
        return failures.size();
    }

    /** The seconds to send in {@code Retry-After}: rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return ApiProblem.retryAfterSeconds(wait);
    }
}
