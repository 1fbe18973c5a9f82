package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.POLL_RUN;

import com.balancehistory.application.model.poll.PollTrigger;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** The log of poll runs: a run is opened when a poll starts and closed when its last source is recorded. */
final class PollRunLog {

    private final DSLContext dsl;

    PollRunLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @return the new run's id */
    long open(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        return dsl.insertInto(POLL_RUN)
                .set(POLL_RUN.TRIGGER, trigger.code())
                .set(POLL_RUN.REQUESTED_SOURCE, requestedSource.orElse(null))
                .set(POLL_RUN.STARTED_AT, JooqSnapshotStore.utc(startedAt))
                .returning(POLL_RUN.ID)
                .fetchOne(POLL_RUN.ID);
    }

    void finish(long pollId, Instant finishedAt) {
        dsl.update(POLL_RUN)
                .set(POLL_RUN.FINISHED_AT, JooqSnapshotStore.utc(finishedAt))
                .where(POLL_RUN.ID.eq(pollId))
                .execute();
    }
}
