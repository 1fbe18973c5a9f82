package com.balancehistory.application.port.out.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Deliveries waiting to be sent. Stores write them in the transaction of what they announce (see
 * {@code AlertStateStore} and {@code ReportStore}); a worker claims them here with a lease, so that of several
 * instances each delivery is sent by one, and one left by a stopped instance is claimable again when its lease ends.
 */
public interface DeliveryOutbox {

    /**
     * A claimed delivery. {@code channel} and {@code target} name the configured target as shown (its secret is not
     * stored); {@code round} counts the claims including this one.
     */
    record Claimed(long id, DeliveryPayload payload, String channel, String target, int round, Instant createdAt) {
        public Claimed {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Claims up to {@code max} pending deliveries not leased by anyone, oldest first, for {@code lease}. */
    List<Claimed> claim(String instance, int max, Duration lease);

    /** The delivery reached its target. */
    void sent(long id, Instant at);

    /** Given up for good (target gone, or failing past the give-up age). */
    void failed(long id, Instant at, String error);

    /** This round failed: it stays pending and is claimable again when its lease ends. */
    void failedRound(long id, String error);

    /** Handed back unsent (this instance is stopping): claimable again at once. */
    void release(long id);

    /** How many deliveries are pending. */
    long pending();
}
