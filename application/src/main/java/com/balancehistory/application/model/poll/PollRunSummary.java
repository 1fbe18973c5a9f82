package com.balancehistory.application.model.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recorded poll run: when, why, and per source what happened.
 *
 * @param interrupted the run was closed because the instance running it stopped mid-run (its missing sources never
 *                    finished)
 */
public record PollRunSummary(
        long id,
        PollTrigger trigger,
        Optional<String> requestedSource,
        Instant startedAt,
        Optional<Instant> finishedAt,
        List<SourceResult> sources,
        boolean interrupted) {

    public PollRunSummary {
        sources = List.copyOf(sources);
    }

    public PollRunSummary(
            long id,
            PollTrigger trigger,
            Optional<String> requestedSource,
            Instant startedAt,
            Optional<Instant> finishedAt,
            List<SourceResult> sources) {
        this(id, trigger, requestedSource, startedAt, finishedAt, sources, false);
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

        public SourceResult(
                String source,
                String provider,
                SourceOutcome outcome,
                Optional<String> error,
                int accountsSeen,
                int rowsWritten,
                Instant startedAt,
                Instant finishedAt) {
            this(source, provider, outcome, error, accountsSeen, rowsWritten, startedAt, finishedAt, Optional.empty());
        }
    }
}
