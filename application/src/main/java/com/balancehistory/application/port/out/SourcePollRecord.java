package com.balancehistory.application.port.out;

import com.balancehistory.application.model.poll.SourceOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one source produced in one poll, ready to be stored in one transaction.
 *
 * @param observedAt our time of observation, given to every snapshot of this record
 */
public record SourcePollRecord(
        long pollId,
        String source,
        String provider,
        SourceOutcome outcome,
        Optional<String> error,
        Instant startedAt,
        Instant observedAt,
        FetchResult result) {

    public SourcePollRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(result, "result");
        error = error == null ? Optional.empty() : error;
    }
}
