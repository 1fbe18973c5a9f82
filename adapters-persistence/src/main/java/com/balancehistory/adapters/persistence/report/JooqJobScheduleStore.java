package com.balancehistory.adapters.persistence.report;

import static com.balancehistory.db.jooq.Tables.JOB_SCHEDULE;

import com.balancehistory.application.port.out.report.JobScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Claims due job slots with a conditional UPDATE on the job's row, as {@code JooqPollScheduleStore} does for sources:
 * two instances racing for one slot serialize on the row lock and the loser sees the moved due time. Unlike poll
 * claims, "due" is judged by the caller's clock, so that report slots follow the configured cron exactly (and tests
 * can drive it); the update itself is atomic either way.
 */
public final class JooqJobScheduleStore implements JobScheduleStore {

    private final DSLContext dsl;

    public JooqJobScheduleStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Instant> claimIfDue(String job, String claimant, Instant now, UnaryOperator<Instant> nextDueAfter) {
        OffsetDateTime at = Times.utc(now);
        OffsetDateTime next = Times.utc(nextDueAfter.apply(now));
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            db.insertInto(JOB_SCHEDULE)
                    .set(JOB_SCHEDULE.JOB, job)
                    .set(JOB_SCHEDULE.NEXT_DUE_AT, next)
                    .onConflictDoNothing()
                    .execute();
            // last_slot_at = next_due_at reads the row's old value: the slot being claimed
            return db.update(JOB_SCHEDULE)
                    .set(JOB_SCHEDULE.LAST_SLOT_AT, JOB_SCHEDULE.NEXT_DUE_AT)
                    .set(JOB_SCHEDULE.NEXT_DUE_AT, next)
                    .set(JOB_SCHEDULE.LAST_CLAIMED_AT, at)
                    .set(JOB_SCHEDULE.LAST_CLAIMED_BY, claimant)
                    .where(JOB_SCHEDULE.JOB.eq(job))
                    .and(JOB_SCHEDULE.NEXT_DUE_AT.le(at))
                    .returning(JOB_SCHEDULE.LAST_SLOT_AT)
                    .fetchOptional()
                    .map(row -> row.getLastSlotAt().toInstant());
        });
    }

    @Override
    public boolean skipMissed(String job, Instant now, Duration grace, UnaryOperator<Instant> nextDueAfter) {
        return dsl.update(JOB_SCHEDULE)
                        .set(JOB_SCHEDULE.NEXT_DUE_AT, Times.utc(nextDueAfter.apply(now)))
                        .where(JOB_SCHEDULE.JOB.eq(job))
                        .and(JOB_SCHEDULE.NEXT_DUE_AT.lt(Times.utc(now.minus(grace))))
                        .execute()
                == 1;
    }

    @Override
    public Optional<Instant> nextDue(String job) {
        return dsl.select(JOB_SCHEDULE.NEXT_DUE_AT)
                .from(JOB_SCHEDULE)
                .where(JOB_SCHEDULE.JOB.eq(job))
                .fetchOptional(row -> row.value1().toInstant());
    }
}
