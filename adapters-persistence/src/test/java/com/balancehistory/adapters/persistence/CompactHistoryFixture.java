package com.balancehistory.adapters.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * One source's random poll history written directly in the compact form, as the store writes it: runs of one value at
 * consecutive sightings, closed by a change or a sighting without the account; the run reaching the source's newest
 * sighting open in the latest row, else a latest row that no longer follows the source; polls recorded late kept per
 * poll. Polls, five minutes apart from {@link #START}: one in 15 failed, one in 12 recorded late (after the next one:
 * no sighting), the rest sightings; each sighting sees an account nine times in ten. So that long random sequences take
 * seconds; {@code CompactHistoryEquivalenceIT} checks the store's own recording on shorter ones.
 */
final class CompactHistoryFixture {

    static final Instant START = Instant.parse("2026-11-29T20:00:00Z"); // the polls cross a month's end
    static final int POLLS = 200;

    enum Outcome {
        SIGHTING,
        FAILED,
        LATE
    }

    /** One row of the per-poll form: what a successful poll saw of one account. */
    record Seen(int account, int poll, long pollId, String available) {}

    /** How the balances move: the value an account shows at a sighting, from the one before (null at its first). */
    @FunctionalInterface
    interface Evolution {
        String next(String previous, Random random);
    }

    private final DSLContext dsl;

    CompactHistoryFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    static String accountId(String source, int account) {
        return source + ".budget.b" + account;
    }

    static Instant at(int poll) {
        return START.plusSeconds(300L * poll);
    }

    /**
     * Writes the history of {@code accounts} accounts of {@code source} and returns its per-poll rows. The last account
     * is gone for good from poll {@code goneFrom} on (never when that is {@link #POLLS} or later); {@code evolution}
     * is made once the polls' outcomes are drawn.
     */
    List<Seen> write(String source, int accounts, int goneFrom, Random random, Function<Random, Evolution> evolution) {
        List<Query> writes = new ArrayList<>();
        int gone = goneFrom < POLLS ? accounts - 1 : -1;
        for (int a = 0; a < accounts; a++) {
            writes.add(dsl.query(
                    """
                    INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at,
                                         gone_at)
                    VALUES (?, ?, 'ahrvo', 'budget', ?, ?, 'USD', ?::timestamptz, ?::timestamptz)
                    """,
                    accountId(source, a),
                    source,
                    "b" + a,
                    "Budget " + a,
                    START.toString(),
                    a == gone ? at(goneFrom).toString() : null));
        }
        Outcome[] outcomes = new Outcome[POLLS];
        long[] pollIds = dsl
                .fetch("SELECT nextval(pg_get_serial_sequence('poll_run', 'id')) FROM generate_series(1, ?)", POLLS)
                .getValues(0, Long.class)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        for (int p = 0; p < POLLS; p++) {
            int draw = random.nextInt(60);
            outcomes[p] = draw < 4 ? Outcome.FAILED : draw < 9 && p + 1 < POLLS ? Outcome.LATE : Outcome.SIGHTING;
            writes.add(dsl.query(
                    "INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE"
                            + " VALUES (?, 'schedule', ?::timestamptz, ?::timestamptz)",
                    pollIds[p],
                    at(p).toString(),
                    at(p).toString()));
        }
        Evolution moves = evolution.apply(random);
        List<Seen> perPoll = new ArrayList<>();
        String[] value = new String[accounts];
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.FAILED) {
                continue;
            }
            for (int a = 0; a < accounts; a++) {
                if (random.nextInt(10) == 0 || (a == gone && p >= goneFrom)) {
                    continue; // not returned by this poll
                }
                value[a] = moves.next(value[a], random);
                perPoll.add(new Seen(a, p, pollIds[p], value[a]));
            }
        }
        int newestSighting = -1;
        for (int p = 0; p < POLLS; p++) {
            boolean sighting = outcomes[p] == Outcome.SIGHTING;
            newestSighting = sighting ? p : newestSighting;
            writes.add(dsl.query(
                    """
                    INSERT INTO poll_source_result (poll_id, source, provider, outcome, accounts_seen, rows_written,
                                                    started_at, finished_at, balances_recorded)
                    VALUES (?, ?, 'ahrvo', ?, 0, 0, ?::timestamptz, ?::timestamptz, ?)
                    """,
                    pollIds[p],
                    source,
                    outcomes[p] == Outcome.FAILED ? "failed" : "ok",
                    at(p).toString(),
                    at(p).toString(),
                    sighting));
        }
        for (int a = 0; a < accounts; a++) {
            writeRuns(writes, accountId(source, a), a, perPoll, outcomes, pollIds, newestSighting);
        }
        dsl.batch(writes).execute();
        return perPoll;
    }

    /**
     * The account's runs over the sightings, its open run as its latest row (else a latest row that no longer follows
     * its source), and its rows of late polls.
     */
    private void writeRuns(
            List<Query> writes,
            String id,
            int account,
            List<Seen> perPoll,
            Outcome[] outcomes,
            long[] pollIds,
            int newestSighting) {
        String[] seenAt = new String[POLLS];
        perPoll.stream().filter(s -> s.account() == account).forEach(s -> seenAt[s.poll()] = s.available());
        int runStart = -1;
        int runEnd = -1;
        String runValue = null;
        int lastEnd = -1;
        String lastValue = null;
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.LATE && seenAt[p] != null) {
                writes.add(dsl.query("""
                        INSERT INTO balance_late_snapshot (account_key, observed_at, poll_id, currency, available)
                        SELECT account_key, ?::timestamptz, ?, 'USD', ?::numeric FROM account WHERE id = ?
                        """, at(p).toString(), pollIds[p], seenAt[p], id));
            }
            if (outcomes[p] != Outcome.SIGHTING) {
                continue;
            }
            if (runValue != null && !runValue.equals(seenAt[p])) {
                writes.add(closedRun(id, runStart, runEnd, runValue));
                lastEnd = runEnd;
                lastValue = runValue;
                runValue = null;
            }
            if (seenAt[p] != null) {
                if (runValue == null) {
                    runStart = p;
                    runValue = seenAt[p];
                }
                runEnd = p;
            }
        }
        if (runValue != null && runEnd == newestSighting) {
            writes.add(latestRow(id, pollIds[runStart], runStart, runValue, true));
            return;
        }
        if (runValue != null) {
            writes.add(closedRun(id, runStart, runEnd, runValue));
            writes.add(latestRow(id, pollIds[runEnd], runEnd, runValue, false));
        } else if (lastValue != null) {
            writes.add(latestRow(id, pollIds[lastEnd], lastEnd, lastValue, false));
        }
    }

    private Query latestRow(String id, long pollId, int poll, String value, boolean follows) {
        return dsl.query("""
                INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available, follows_source_poll)
                VALUES (?, ?, ?::timestamptz, 'USD', ?::numeric, ?)
                """, id, pollId, at(poll).toString(), value, follows);
    }

    private Query closedRun(String id, int first, int last, String value) {
        return dsl.query("""
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT account_key, ?::timestamptz, ?::timestamptz, 'USD', ?::numeric FROM account WHERE id = ?
                """, at(first).toString(), at(last).toString(), value, id);
    }
}
