package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.SourcePollRecord;
import java.time.Instant;
import java.util.Optional;

/** The source's newest recorded balance poll ({@code source_balance_poll}) as a recording found it. */
record NewestBalancePoll(long pollId, Instant observedAt) {

    /**
     * Whether {@code record} is its source's newest recorded poll, so a sighting of its runs: the source's first, or
     * one after {@code previous}.
     */
    static boolean isNewest(Optional<NewestBalancePoll> previous, SourcePollRecord record) {
        return previous.map(p -> p.isOlderThan(record)).orElse(true);
    }

    /** Whether {@code record} comes after this poll: later, or at the same time with a higher poll id. */
    boolean isOlderThan(SourcePollRecord record) {
        int byTime = observedAt.compareTo(record.observedAt());
        return byTime < 0 || (byTime == 0 && pollId < record.pollId());
    }
}
