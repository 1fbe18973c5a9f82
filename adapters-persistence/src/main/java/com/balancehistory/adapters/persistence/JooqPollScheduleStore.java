package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.SCHEDULER_INSTANCE;
import static com.balancehistory.db.jooq.Tables.SOURCE_SCHEDULE;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.application.model.poll.MissedSlots;
import com.balancehistory.application.port.out.PollScheduleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Claims due polls with a conditional UPDATE on the source's schedule row, judged by the database clock. Two
 * instances racing for one slot serialize on the row lock; the loser re-reads the moved due time and claims nothing.
 * Nothing is held between polls, so no lock can leak through the connection pool.
 *
 * <p>Each instance beats in {@code scheduler_instance} at every tick; those seen within the liveness window share the
 * sources out (see {@link LiveInstances}). A source's owner claims a due slot at once, any other instance only once it
 * is overdue by the affinity grace. A source thus stays with one instance, which still holds the previous poll's
 * values and records the next poll without reading them back from the database; when that instance stops beating
 * (or is stuck), the others take its sources over after the grace at the latest.
 *
 * <p>A claim told of missed slots reads the due time it replaces under the row lock and records the slots that passed
 * since as skipped polls in the same transaction: the one instance whose claim wins records them, once.
 */
public final class JooqPollScheduleStore implements PollScheduleStore {

    /** Rows of instances gone this many liveness windows are deleted: a killed instance leaves its row behind. */
    private static final int FORGET_AFTER_WINDOWS = 100;

    private final DSLContext dsl;
    private final Duration affinityGrace;
    private final Duration liveness;

    /**
     * @param affinityGrace how long a due slot waits for its owner before any instance may claim it
     * @param liveness      an instance not seen for this long is no longer live (a few scheduler ticks)
     */
    public JooqPollScheduleStore(DSLContext dsl, Duration affinityGrace, Duration liveness) {
        if (affinityGrace.isNegative()) {
            throw new IllegalArgumentException("affinity grace must not be negative, got " + affinityGrace);
        }
        if (liveness.isNegative() || liveness.isZero()) {
            throw new IllegalArgumentException("liveness window must be positive, got " + liveness);
        }
        this.dsl = dsl;
        this.affinityGrace = affinityGrace;
        this.liveness = liveness;
    }

    @Override
    public LiveInstances heartbeat(String instance, Set<String> sources) {
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            OffsetDateTime now = databaseNow(db);
            String[] configured = sources.stream().sorted().toArray(String[]::new);
            db.insertInto(SCHEDULER_INSTANCE)
                    .set(SCHEDULER_INSTANCE.INSTANCE, instance)
                    .set(SCHEDULER_INSTANCE.LAST_SEEN_AT, now)
                    .set(SCHEDULER_INSTANCE.SOURCES, configured)
                    .onConflict(SCHEDULER_INSTANCE.INSTANCE)
                    .doUpdate()
                    .set(SCHEDULER_INSTANCE.LAST_SEEN_AT, now)
                    .set(SCHEDULER_INSTANCE.SOURCES, configured)
                    .execute();
            db.deleteFrom(SCHEDULER_INSTANCE)
                    .where(SCHEDULER_INSTANCE.LAST_SEEN_AT.lt(now.minus(liveness.multipliedBy(FORGET_AFTER_WINDOWS))))
                    .execute();
            Map<String, Set<String>> live = db.select(SCHEDULER_INSTANCE.INSTANCE, SCHEDULER_INSTANCE.SOURCES)
                    .from(SCHEDULER_INSTANCE)
                    .where(SCHEDULER_INSTANCE.LAST_SEEN_AT.ge(now.minus(liveness)))
                    .fetchMap(SCHEDULER_INSTANCE.INSTANCE, row -> Set.of(row.value2()));
            return new LiveInstances(live);
        });
    }

    @Override
    public void leave(String instance) {
        dsl.deleteFrom(SCHEDULER_INSTANCE)
                .where(SCHEDULER_INSTANCE.INSTANCE.eq(instance))
                .execute();
    }

    @Override
    public boolean claimIfDue(
            String source,
            String claimant,
            boolean owner,
            UnaryOperator<Instant> nextDueAfter,
            Optional<MissedSlots> missed) {
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            OffsetDateTime now = databaseNow(db);
            db.insertInto(SOURCE_SCHEDULE)
                    .set(SOURCE_SCHEDULE.SOURCE, source)
                    .set(SOURCE_SCHEDULE.NEXT_DUE_AT, now)
                    .onConflictDoNothing()
                    .execute();
            Optional<OffsetDateTime> dueBefore = missed.isEmpty()
                    ? Optional.empty()
                    : db.select(SOURCE_SCHEDULE.NEXT_DUE_AT)
                            .from(SOURCE_SCHEDULE)
                            .where(SOURCE_SCHEDULE.SOURCE.eq(source))
                            .forUpdate()
                            .fetchOptional(SOURCE_SCHEDULE.NEXT_DUE_AT);
            OffsetDateTime next = JdbcValues.utc(nextDueAfter.apply(now.toInstant()));
            Condition due = owner
                    ? SOURCE_SCHEDULE.NEXT_DUE_AT.le(now)
                    : SOURCE_SCHEDULE.NEXT_DUE_AT.le(now.minus(affinityGrace));
            int claimed = db.update(SOURCE_SCHEDULE)
                    .set(SOURCE_SCHEDULE.NEXT_DUE_AT, next)
                    .set(SOURCE_SCHEDULE.LAST_CLAIMED_AT, now)
                    .set(SOURCE_SCHEDULE.LAST_CLAIMED_BY, claimant)
                    .where(SOURCE_SCHEDULE.SOURCE.eq(source))
                    .and(due)
                    .execute();
            if (claimed == 1 && dueBefore.isPresent()) {
                new PollRunLog(db)
                        .recordMissed(
                                source,
                                claimant,
                                missed.get(),
                                missed.get().between(dueBefore.get().toInstant(), now.toInstant(), nextDueAfter));
            }
            return claimed == 1;
        });
    }

    private static OffsetDateTime databaseNow(DSLContext db) {
        return db.select(DSL.currentOffsetDateTime()).fetchOne(0, OffsetDateTime.class);
    }
}
