package com.balancehistory.adapters.persistence;

import static com.balancehistory.adapters.persistence.JdbcValues.utc;
import static com.balancehistory.db.jooq.Tables.POLL_RUN;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;

import com.balancehistory.application.model.poll.MissedSlots;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The log of poll runs: a run is opened when a poll starts and closed when its last source is recorded; each
 * source's result of a run is its row of {@code poll_source_result}, the natural key that makes a replay write
 * nothing.
 */
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
                .set(POLL_RUN.STARTED_AT, utc(startedAt))
                .returning(POLL_RUN.ID)
                .fetchOne(POLL_RUN.ID);
    }

    void finish(long pollId, Instant finishedAt) {
        dsl.update(POLL_RUN)
                .set(POLL_RUN.FINISHED_AT, utc(finishedAt))
                .where(POLL_RUN.ID.eq(pollId))
                .execute();
    }

    void interrupt(long pollId, Instant interruptedAt) {
        dsl.update(POLL_RUN)
                .set(POLL_RUN.FINISHED_AT, utc(interruptedAt))
                .set(POLL_RUN.INTERRUPTED, true)
                .where(POLL_RUN.ID.eq(pollId).and(POLL_RUN.FINISHED_AT.isNull()))
                .execute();
    }

    /**
     * Each missed slot as a finished scheduled run of the source with one skipped result: a poll run per slot, as
     * the slot's poll would have made, in one statement.
     */
    void recordMissed(String source, String claimant, MissedSlots missed, List<MissedSlots.Slot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        dsl.execute(
                """
                WITH slot AS (
                    SELECT s.started_at, s.finished_at, s.error, s.n
                    FROM unnest(CAST(? AS TEXT[])::timestamptz[], CAST(? AS TEXT[])::timestamptz[], CAST(? AS TEXT[]))
                         WITH ORDINALITY AS s (started_at, finished_at, error, n)
                ), run AS (
                    INSERT INTO poll_run (trigger, requested_source, started_at, finished_at, run_by)
                    SELECT ?, ?, started_at, finished_at, ? FROM slot ORDER BY n
                    RETURNING id, started_at, finished_at
                )
                INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, started_at, finished_at)
                SELECT run.id, ?, ?, ?, slot.error, run.started_at, run.finished_at
                FROM run JOIN slot ON slot.started_at = run.started_at AND slot.finished_at = run.finished_at""",
                slots.stream().map(slot -> slot.startedAt().toString()).toArray(String[]::new),
                slots.stream().map(slot -> slot.finishedAt().toString()).toArray(String[]::new),
                slots.stream().map(MissedSlots.Slot::error).toArray(String[]::new),
                PollTrigger.SCHEDULE.code(),
                source,
                claimant,
                source,
                missed.provider(),
                SourceOutcome.SKIPPED.code());
    }

    /**
     * Claims the source's result row of the poll in the recording's transaction. A replay finds it (or waits for a
     * concurrent first attempt to commit, then finds it) and writes nothing.
     *
     * @param interval the source's configured poll interval, recorded so that staleness at a past time is judged
     *     by the interval of then
     * @return whether this recording claimed it (false: a replay)
     */
    static boolean claimSourceResult(DSLContext db, SourcePollRecord record, Optional<Duration> interval) {
        return db.insertInto(POLL_SOURCE_RESULT)
                        .set(POLL_SOURCE_RESULT.POLL_ID, record.pollId())
                        .set(POLL_SOURCE_RESULT.SOURCE, record.source())
                        .set(POLL_SOURCE_RESULT.PROVIDER, record.provider())
                        .set(POLL_SOURCE_RESULT.OUTCOME, record.outcome().code())
                        .set(POLL_SOURCE_RESULT.ERROR_TEXT, record.error().orElse(null))
                        .set(POLL_SOURCE_RESULT.ACCOUNTS_SEEN, accountsSeen(record.result()))
                        .set(POLL_SOURCE_RESULT.ROWS_WRITTEN, 0)
                        .set(POLL_SOURCE_RESULT.STARTED_AT, utc(record.startedAt()))
                        .set(POLL_SOURCE_RESULT.FINISHED_AT, utc(record.observedAt()))
                        .set(
                                POLL_SOURCE_RESULT.POLL_INTERVAL_MILLIS,
                                interval.map(Duration::toMillis).orElse(null))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Sets how many snapshot rows the source's result recorded, once they are written. */
    static void setRowsWritten(DSLContext db, SourcePollRecord record, int rows) {
        db.update(POLL_SOURCE_RESULT)
                .set(POLL_SOURCE_RESULT.ROWS_WRITTEN, rows)
                .where(POLL_SOURCE_RESULT.POLL_ID.eq(record.pollId()))
                .and(POLL_SOURCE_RESULT.SOURCE.eq(record.source()))
                .execute();
    }

    private static int accountsSeen(FetchResult result) {
        return result instanceof FetchResult.Fetched fetched ? fetched.accountsSeen() : 0;
    }
}
