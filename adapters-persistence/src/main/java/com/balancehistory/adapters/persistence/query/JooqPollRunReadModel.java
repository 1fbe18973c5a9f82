package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.POLL_RUN;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.query.PollRunReadModel;
import com.balancehistory.db.jooq.tables.records.PollRunRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Poll runs with their per-source results from PostgreSQL. */
public final class JooqPollRunReadModel implements PollRunReadModel {

    private final DSLContext dsl;

    public JooqPollRunReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<PollRunSummary> recentRuns(int limit) {
        return withSources(dsl.selectFrom(POLL_RUN)
                .orderBy(POLL_RUN.ID.desc())
                .limit(limit)
                .fetch());
    }

    @Override
    public Optional<PollRunSummary> findRun(long id) {
        return withSources(dsl.selectFrom(POLL_RUN).where(POLL_RUN.ID.eq(id)).fetch()).stream()
                .findFirst();
    }

    private List<PollRunSummary> withSources(List<PollRunRecord> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PollRunSummary.SourceResult>> sources = new HashMap<>();
        dsl.selectFrom(POLL_SOURCE_RESULT)
                .where(POLL_SOURCE_RESULT.POLL_ID.in(
                        runs.stream().map(PollRunRecord::getId).toList()))
                .orderBy(POLL_SOURCE_RESULT.POLL_ID, POLL_SOURCE_RESULT.SOURCE)
                .forEach(r -> sources.computeIfAbsent(r.getPollId(), id -> new ArrayList<>())
                        .add(new PollRunSummary.SourceResult(
                                r.getSource(),
                                r.getProvider(),
                                SourceOutcome.fromCode(r.getOutcome()),
                                Optional.ofNullable(r.getErrorText()),
                                r.getAccountsSeen(),
                                r.getRowsWritten(),
                                r.getStartedAt().toInstant(),
                                r.getFinishedAt().toInstant())));
        return runs.stream()
                .map(run -> new PollRunSummary(
                        run.getId(),
                        PollTrigger.fromCode(run.getTrigger()),
                        Optional.ofNullable(run.getRequestedSource()),
                        run.getStartedAt().toInstant(),
                        QueryRows.optionalInstant(run.getFinishedAt()),
                        sources.getOrDefault(run.getId(), List.of()),
                        Boolean.TRUE.equals(run.getInterrupted())))
                .toList();
    }
}
