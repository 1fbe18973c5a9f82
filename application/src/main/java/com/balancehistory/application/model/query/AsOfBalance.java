package com.balancehistory.application.model.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's balances as last observed at or before {@code asOf}: {@code observed} holds the observation used (its
 * time in {@code observedAt}, the account's gone time if any), {@code pollId} the poll that made it, and
 * {@code lastPollFailedAt} the source's newest poll by then when that poll failed after the observation.
 */
public record AsOfBalance(Instant asOf, LatestBalance observed, long pollId, Optional<Instant> lastPollFailedAt) {

    public AsOfBalance {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(observed, "observed");
        lastPollFailedAt = lastPollFailedAt == null ? Optional.empty() : lastPollFailedAt;
    }

    /** Gone from its provider's full listing at or before as-of. */
    public boolean gone() {
        return observed.goneAt().filter(at -> !at.isAfter(asOf)).isPresent();
    }
}
