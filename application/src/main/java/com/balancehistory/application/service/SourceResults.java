package com.balancehistory.application.service;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one source's fetch result records for its poll: the outcome, the error text, when to retry, accounts seen. */
final class SourceResults {

    private static final int MAX_ERROR_LENGTH = 3900;

    private SourceResults() {}

    static SourceOutcome outcomeOf(FetchResult result) {
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

    static Optional<String> errorOf(FetchResult result) {
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

    static Optional<Instant> retryAtOf(FetchResult result) {
        return result instanceof FetchResult.Failed failed ? failed.failure().retryAfter() : Optional.empty();
    }

    static int accountsSeen(FetchResult result) {
        return result instanceof FetchResult.Fetched fetched ? fetched.accountsSeen() : 0;
    }
}
