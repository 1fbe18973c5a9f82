package com.balancehistory.application.service;

import com.balancehistory.application.port.out.FetchResult;
import java.time.Instant;
import java.util.Optional;

/**
 * What one source's fetch result says for its poll's summary beyond the record ({@link
 * com.balancehistory.application.port.out.SourcePollRecord#of}): when to retry, accounts seen.
 */
final class SourceResults {

    private SourceResults() {}

    static Optional<Instant> retryAtOf(FetchResult result) {
        return result instanceof FetchResult.Failed failed ? failed.failure().retryAfter() : Optional.empty();
    }

    static int accountsSeen(FetchResult result) {
        return result instanceof FetchResult.Fetched fetched ? fetched.accountsSeen() : 0;
    }
}
