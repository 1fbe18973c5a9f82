package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.SOURCE_SCHEDULE;

import com.balancehistory.application.port.out.PollScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Claims due polls with a conditional UPDATE on the source's schedule row, judged by the database clock. Two
 * instances racing for one slot serialize on the row lock; the loser re-reads the moved due time and claims nothing.
 * Nothing is held between polls, so no lock can leak through the connection pool.
 *
 * <p>The instance that claimed a source's previous slot gets the next one first: another instance claims it only
 * once it is overdue by the affinity grace. A source thus stays with one instance, which still holds the previous
 * poll's values and records the next poll without reading them back from the database; when that instance stops,
 * another takes the source over after the grace.
 */
public final class JooqPollScheduleStore implements PollScheduleStore {

    private final DSLContext dsl;
    private final Duration affinityGrace;

    public JooqPollScheduleStore(DSLContext dsl, Duration affinityGrace) {
        if (affinityGrace.isNegative()) {
            throw new IllegalArgumentException("affinity grace must not be negative, got " + affinityGrace);
        }
        this.dsl = dsl;
        this.affinityGrace = affinityGrace;
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
                    .and(SOURCE_SCHEDULE
                            .LAST_CLAIMED_BY
                            .isNull()
                            .or(SOURCE_SCHEDULE.LAST_CLAIMED_BY.eq(claimant))
                            .or(SOURCE_SCHEDULE.NEXT_DUE_AT.le(now.minus(affinityGrace))))
                    .execute();
            return claimed == 1;
        });
    }
}
