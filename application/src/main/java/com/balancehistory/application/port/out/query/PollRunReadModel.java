package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.poll.PollRunSummary;
import java.util.List;
import java.util.Optional;

/** Read side of poll runs with their per-source outcomes. */
public interface PollRunReadModel {

    /** The newest runs first. */
    List<PollRunSummary> recentRuns(int limit);

    Optional<PollRunSummary> findRun(long id);
}
