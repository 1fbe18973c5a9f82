package com.balancehistory.application.service.query;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.in.query.ListPollRunsUseCase;
import com.balancehistory.application.port.out.query.PollRunReadModel;
import java.util.List;
import java.util.Optional;

/** Recent poll runs and single runs, as recorded. */
public final class PollRunQueryService implements ListPollRunsUseCase {

    private final PollRunReadModel readModel;

    public PollRunQueryService(PollRunReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public List<PollRunSummary> recentRuns(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return readModel.recentRuns(limit);
    }

    @Override
    public Optional<PollRunSummary> findRun(long id) {
        return readModel.findRun(id);
    }
}
