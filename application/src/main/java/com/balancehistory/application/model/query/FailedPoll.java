package com.balancehistory.application.model.query;

import com.balancehistory.application.model.poll.SourceOutcome;
import java.time.Instant;
import java.util.Objects;

/** A poll of one source that recorded no balances (failed, rate limited, skipped): a gap in history, not a zero. */
public record FailedPoll(long pollId, Instant at, SourceOutcome outcome) {

    public FailedPoll {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
