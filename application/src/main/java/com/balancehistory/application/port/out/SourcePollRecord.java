package com.balancehistory.application.port.out;

import com.balancehistory.application.model.poll.SourceOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private static final int MAX_ERROR_LENGTH = 3900;

    /** The record of a poll whose outcome and error text follow from its result, as every poll is recorded. */
    public static SourcePollRecord of(
            long pollId, String source, String provider, Instant startedAt, Instant observedAt, FetchResult result) {
        return new SourcePollRecord(
                pollId, source, provider, outcomeOf(result), errorOf(result), startedAt, observedAt, result);
    }

    private static SourceOutcome outcomeOf(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return switch (failed.failure().kind()) {
                case CIRCUIT_OPEN, STILL_POLLING -> SourceOutcome.SKIPPED;
                case RATE_LIMITED -> SourceOutcome.RATE_LIMITED;
                default -> SourceOutcome.FAILED;
            };
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        if (fetched.accountFailures().isEmpty()) {
            return SourceOutcome.OK;
        }
        // an answer in which every account failed read nothing: a gap in history, not a partial poll
        return fetched.accountsSeen() == 0 ? SourceOutcome.FAILED : SourceOutcome.PARTIAL;
    }

    private static Optional<String> errorOf(FetchResult result) {
        String text;
        if (result instanceof FetchResult.Failed failed) {
            text = failed.failure().describe();
        } else {
            List<FetchFailure> failures = ((FetchResult.Fetched) result).accountFailures();
            if (failures.isEmpty()) {
                return Optional.empty();
            }
            text = failures.stream().map(FetchFailure::describe).collect(Collectors.joining("; "));
        }
        return Optional.of(text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...");
    }
}
