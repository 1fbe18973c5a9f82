package com.balancehistory.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A recorded poll run: when, why, and per source what happened. */
public record PollRunSummary(
        long id,
        PollTrigger trigger,
        Optional<String> requestedSource,
        Instant startedAt,
        Optional<Instant> finishedAt,
        List<SourceResult> sources) {

    public PollRunSummary {
        sources = List.copyOf(sources);
    }

    /**
     * One source's part of a poll run.
     *
     * @param retryAt when the provider said it may be called again (rate limited), if it did
     */
    public record SourceResult(
            String source,
            String provider,
            SourceOutcome outcome,
            Optional<String> error,
            int accountsSeen,
            int rowsWritten,
            Instant startedAt,
            Instant finishedAt,
            Optional<Instant> retryAt) {

        public SourceResult(String source, String provider, SourceOutcome outcome, Optional<String> error,
                            int accountsSeen, int rowsWritten, Instant startedAt, Instant finishedAt) {
            this(source, provider, outcome, error, accountsSeen, rowsWritten, startedAt, finishedAt, Optional.empty());
        }
    }
}
