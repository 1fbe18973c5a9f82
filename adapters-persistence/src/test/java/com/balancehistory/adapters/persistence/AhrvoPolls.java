package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SourcePollRecord;
import java.time.Instant;
import java.util.List;

/** Polls of an Ahrvo source as the poll service hands them to the store, for the property tests and benchmarks. */
public final class AhrvoPolls {

    private AhrvoPolls() {}

    /** The recording of a poll of the result's source that started and was observed at {@code at}. */
    public static SourcePollRecord recorded(long pollId, Instant at, FetchResult result) {
        return SourcePollRecord.of(pollId, result.source(), "ahrvo", at, at, result);
    }

    /** A poll in which the provider was down at {@code endpoint}: a gap for every account of the source. */
    public static FetchResult.Failed unavailable(String source, String endpoint, List<RawResponse> raw) {
        return new FetchResult.Failed(source, FetchFailure.ofSource(endpoint, FailureKind.UNAVAILABLE, "down"), raw);
    }
}
