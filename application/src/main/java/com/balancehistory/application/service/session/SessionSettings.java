package com.balancehistory.application.service.session;

import java.time.Duration;
import java.util.Objects;

/** How long a browser session lives: idle timeout and absolute lifetime. */
public record SessionSettings(Duration idleTimeout, Duration maxLifetime) {

    public SessionSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle-timeout must be positive, not " + idleTimeout);
        }
        if (maxLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("session max-lifetime (" + maxLifetime
                    + ") must not be shorter than idle-timeout (" + idleTimeout + ")");
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(8));
    }

    /**
     * How stale the stored last-seen time may get before a request writes it again: a write per request would cost
     * every dashboard call a database write, so activity is recorded at most once per this interval.
     */
    Duration touchInterval() {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }
}
