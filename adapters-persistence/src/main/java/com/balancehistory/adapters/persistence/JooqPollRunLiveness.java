package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.POLL_RUN;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.val;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Which instance runs an unfinished poll run, its heartbeats, and closing the runs whose instance stopped beating
 * (kill -9, a lost host) as interrupted. Times are the database's, so instances' clocks need not agree.
 */
public final class JooqPollRunLiveness {

    private final DSLContext dsl;

    public JooqPollRunLiveness(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void runBy(long pollId, String instance) {
        dsl.update(POLL_RUN)
                .set(POLL_RUN.RUN_BY, instance)
                .set(POLL_RUN.ALIVE_AT, currentOffsetDateTime())
                .where(POLL_RUN.ID.eq(pollId))
                .execute();
    }

    public void heartbeat(Collection<Long> pollIds) {
        if (!pollIds.isEmpty()) {
            dsl.update(POLL_RUN)
                    .set(POLL_RUN.ALIVE_AT, currentOffsetDateTime())
                    .where(POLL_RUN.ID.in(pollIds).and(POLL_RUN.FINISHED_AT.isNull()))
                    .execute();
        }
    }

    /** Closes as interrupted every unfinished run not heard of for {@code silentFor}; returns their ids. */
    public List<Long> closeAbandoned(Duration silentFor) {
        return dsl.update(POLL_RUN)
                .set(POLL_RUN.FINISHED_AT, currentOffsetDateTime())
                .set(POLL_RUN.INTERRUPTED, true)
                .where(POLL_RUN.FINISHED_AT.isNull())
                .and(condition(
                        "coalesce({0}, {1}) < now() - make_interval(secs => {2})",
                        POLL_RUN.ALIVE_AT, POLL_RUN.STARTED_AT, val(silentFor.toMillis() / 1000.0)))
                .returning(POLL_RUN.ID)
                .fetch(POLL_RUN.ID);
    }
}
