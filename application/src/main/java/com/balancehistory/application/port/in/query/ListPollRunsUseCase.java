package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.poll.PollRunSummary;
import java.util.List;
import java.util.Optional;

/** Recent poll runs with per-source outcomes, and one run by id. */
public interface ListPollRunsUseCase {

    int MAX_LIMIT = 500;

    /** @throws InvalidQueryException when limit is not between 1 and {@link #MAX_LIMIT} */
    List<PollRunSummary> recentRuns(int limit);

    Optional<PollRunSummary> findRun(long id);
}
