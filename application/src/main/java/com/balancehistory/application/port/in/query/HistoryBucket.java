package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One calendar bucket of a balance history, {@code [start, end)}. {@link Status#DATA} buckets carry open, close,
 * min and max of the available balance; {@link Status#GAP} buckets had only failed polls; {@link Status#EMPTY} buckets
 * had no poll at all. {@code failedPolls} counts failed polls of the account's source in the bucket.
 */
public record HistoryBucket(
        Instant start,
        Instant end,
        Status status,
        Optional<Money> open,
        Optional<Money> close,
        Optional<Money> min,
        Optional<Money> max,
        int samples,
        int failedPolls) {

    /** What a bucket holds. */
    public enum Status {
        DATA,
        EMPTY,
        GAP
    }

    public HistoryBucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        if ((status == Status.DATA) != (samples > 0)) {
            throw new IllegalArgumentException("a bucket has data exactly when it has samples");
        }
        if (status == Status.GAP && failedPolls == 0) {
            throw new IllegalArgumentException("a gap is a bucket with failed polls");
        }
    }
}
