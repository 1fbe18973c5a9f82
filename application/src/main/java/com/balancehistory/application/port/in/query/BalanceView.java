package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.LatestBalance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A balance and whether it is stale: older than twice its source's poll interval, now or (for a balance as of a time)
 * at that time, which {@code asOf} then describes.
 */
public record BalanceView(LatestBalance latest, boolean stale, Optional<AsOf> asOf) {

    public BalanceView {
        Objects.requireNonNull(latest, "latest");
        asOf = asOf == null ? Optional.empty() : asOf;
    }

    /** A latest balance, judged now. */
    public BalanceView(LatestBalance latest, boolean stale) {
        this(latest, stale, Optional.empty());
    }

    /**
     * What a balance as of a time adds: the time asked for, the poll of the observation used, how old that
     * observation was then, whether the account was gone by then, and the source's newest poll by then when it failed
     * after the observation (so an old value is never taken for a current one).
     */
    public record AsOf(Instant at, long pollId, Duration age, boolean gone, Optional<Instant> lastPollFailedAt) {
        public AsOf {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(age, "age");
            lastPollFailedAt = lastPollFailedAt == null ? Optional.empty() : lastPollFailedAt;
        }
    }
}
