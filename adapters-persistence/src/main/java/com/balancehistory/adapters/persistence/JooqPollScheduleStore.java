package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.PollScheduleStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;

import static com.balancehistory.db.jooq.Tables.SOURCE_SCHEDULE;

/**
 * Claims due polls with a conditional UPDATE on the source's schedule row, judged by the database clock. Two
 * instances racing for one slot serialize on the row lock; the loser re-reads the moved due time and claims nothing.
 * Nothing is held between polls, so no lock can leak through the connection pool.
 */
public final class JooqPollScheduleStore implements PollScheduleStore {

    private final DSLContext dsl;

    public JooqPollScheduleStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean claimIfDue(String source, String claimant, UnaryOperator<Instant> nextDueAfter) {
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            OffsetDateTime now = db.select(DSL.currentOffsetDateTime()).fetchOne(0, OffsetDateTime.class);
            db.insertInto(SOURCE_SCHEDULE)
                    .set(SOURCE_SCHEDULE.SOURCE, source)
                    .set(SOURCE_SCHEDULE.NEXT_DUE_AT, now)
                    .onConflictDoNothing()
                    .execute();
            OffsetDateTime next = JooqSnapshotStore.utc(nextDueAfter.apply(now.toInstant()));
            int claimed = db.update(SOURCE_SCHEDULE)
                    .set(SOURCE_SCHEDULE.NEXT_DUE_AT, next)
                    .set(SOURCE_SCHEDULE.LAST_CLAIMED_AT, now)
                    .set(SOURCE_SCHEDULE.LAST_CLAIMED_BY, claimant)
                    .where(SOURCE_SCHEDULE.SOURCE.eq(source))
                    .and(SOURCE_SCHEDULE.NEXT_DUE_AT.le(DSL.currentOffsetDateTime()))
                    .execute();
            return claimed == 1;
        });
    }
}
