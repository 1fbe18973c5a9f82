package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;

/**
 * The history route's raw points, read from the runs and the poll ledger, over long random poll sequences: each
 * answer must be what the per-poll form held and what the generated per-sighting view ({@code balance_snapshot},
 * which served the route before) answers. The compact form is written here directly, as the store writes it (runs
 * of one value at consecutive sightings, closed by a change or a sighting without the account; the run reaching the
 * source's newest sighting open in the latest row; polls recorded late per poll), so that 50 sequences of 200 polls
 * take seconds; {@code CompactHistoryEquivalenceIT} checks the store's own recording on shorter ones.
 */
class RawPointsFromRunsIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dslOnOneConnection();
    private static final Instant START = Instant.parse("2026-11-29T20:00:00Z"); // the polls cross a month's end
    private static final int POLLS = 200;
    private static final int ACCOUNTS = 4;
    private static final String[] VALUES = {"10.0000", "12.5000", "0.0000", "-3.2500"};

    enum Outcome {
        SIGHTING,
        FAILED,
        LATE
    }

    /** One row of the per-poll form: what a successful poll saw of one account. */
    record Seen(int account, int poll, long pollId, String available) {}

    @Test
    void raw_points_from_the_runs_are_the_per_poll_rows_and_the_generated_views_answer() {
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-11-01");
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-12-01");
        JooqBalanceReadModel readModel = new JooqBalanceReadModel(DSL_CONTEXT);
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            String source = "runs-" + UUID.randomUUID().toString().substring(0, 8);
            List<Seen> perPoll = generate(source, random);
            for (int a = 0; a < ACCOUNTS; a++) {
                AccountId account = new AccountId(accountId(source, a));
                int ofAccount = a;
                List<Seen> rows =
                        perPoll.stream().filter(s -> s.account() == ofAccount).toList();
                assertWindow(readModel, account, rows, 0, POLLS, 10_000, seed);
                assertWindow(readModel, account, rows, 0, POLLS, 7, seed);
                for (int w = 0; w < 12; w++) {
                    int first = random.nextInt(POLLS);
                    int last = first + 1 + random.nextInt(POLLS / 3);
                    assertWindow(readModel, account, rows, first, last, 10_000, seed);
                }
            }
        }
    }

    /**
     * The window {@code [poll first, poll last)}, its ends moved by a second now and then (between two polls), as
     * points, count, and as the generated view has them.
     */
    private static void assertWindow(
            JooqBalanceReadModel readModel,
            AccountId account,
            List<Seen> rows,
            int first,
            int last,
            int limit,
            long seed) {
        Instant from = at(first).plusSeconds(first % 3 == 0 ? 1 : 0);
        Instant to = at(last).minusSeconds(last % 2);
        List<String> expected = rows.stream()
                .filter(s -> !at(s.poll()).isBefore(from) && at(s.poll()).isBefore(to))
                .map(s -> at(s.poll()) + " " + s.available())
                .limit(limit)
                .toList();
        String what = "seed " + seed + ", " + account.value() + " in [" + from + ", " + to + "), limit " + limit;
        assertThat(points(readModel.availableHistory(account, from, to, limit)))
                .as(what)
                .isEqualTo(expected);
        assertThat(DSL_CONTEXT
                        .fetch("""
                        SELECT observed_at, available FROM balance_snapshot
                        WHERE account_id = ? AND observed_at >= ?::timestamptz AND observed_at < ?::timestamptz
                        ORDER BY observed_at, poll_id LIMIT ?
                        """, account.value(), from.toString(), to.toString(), limit)
                        .map(r -> r.get(0, OffsetDateTime.class).toInstant() + " "
                                + r.get(1, BigDecimal.class).toPlainString()))
                .as("the generated view, " + what)
                .isEqualTo(expected);
        if (limit == 10_000) {
            assertThat(readModel.countSnapshots(account, from, to)).as(what).isEqualTo(expected.size());
        }
    }

    private static List<String> points(List<BalancePoint> points) {
        return points.stream()
                .map(p -> p.at() + " " + p.balance().amount().setScale(4).toPlainString())
                .toList();
    }

    /**
     * Writes one source's random history in the compact form and returns its per-poll rows. Polls: one in 15 failed,
     * one in 12 recorded late (after the next one: no sighting, its rows kept per poll), the rest sightings. Each
     * sighting sees an account nine times in ten, with its previous value nine times in ten.
     */
    private static List<Seen> generate(String source, Random random) {
        List<Query> writes = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            writes.add(DSL_CONTEXT.query("""
                    INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)
                    VALUES (?, ?, 'ahrvo', 'budget', ?, ?, 'USD', ?::timestamptz)
                    """, accountId(source, a), source, "b" + a, "Budget " + a, START.toString()));
        }
        Outcome[] outcomes = new Outcome[POLLS];
        long[] pollIds = DSL_CONTEXT
                .fetch("SELECT nextval(pg_get_serial_sequence('poll_run', 'id')) FROM generate_series(1, ?)", POLLS)
                .getValues(0, Long.class)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        for (int p = 0; p < POLLS; p++) {
            int draw = random.nextInt(60);
            outcomes[p] = draw < 4 ? Outcome.FAILED : draw < 9 && p + 1 < POLLS ? Outcome.LATE : Outcome.SIGHTING;
            writes.add(DSL_CONTEXT.query(
                    "INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE"
                            + " VALUES (?, 'schedule', ?::timestamptz, ?::timestamptz)",
                    pollIds[p],
                    at(p).toString(),
                    at(p).toString()));
        }
        List<Seen> perPoll = new ArrayList<>();
        String[] value = new String[ACCOUNTS];
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.FAILED) {
                continue;
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                if (random.nextInt(10) == 0) {
                    continue; // not returned by this poll
                }
                if (value[a] == null || random.nextInt(10) == 0) {
                    value[a] = VALUES[random.nextInt(VALUES.length)];
                }
                perPoll.add(new Seen(a, p, pollIds[p], value[a]));
            }
        }
        int newestSighting = -1;
        for (int p = 0; p < POLLS; p++) {
            boolean sighting = outcomes[p] == Outcome.SIGHTING;
            newestSighting = sighting ? p : newestSighting;
            writes.add(DSL_CONTEXT.query(
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
        for (int a = 0; a < ACCOUNTS; a++) {
            writeRuns(writes, source, a, perPoll, outcomes, pollIds, newestSighting);
        }
        DSL_CONTEXT.batch(writes).execute();
        return perPoll;
    }

    /** The account's runs over the sightings, its open run as its latest row, and its rows of late polls. */
    private static void writeRuns(
            List<Query> writes,
            String source,
            int account,
            List<Seen> perPoll,
            Outcome[] outcomes,
            long[] pollIds,
            int newestSighting) {
        String id = accountId(source, account);
        String[] seenAt = new String[POLLS];
        perPoll.stream().filter(s -> s.account() == account).forEach(s -> seenAt[s.poll()] = s.available());
        int runStart = -1;
        int runEnd = -1;
        String runValue = null;
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.LATE && seenAt[p] != null) {
                writes.add(DSL_CONTEXT.query("""
                        INSERT INTO balance_late_snapshot (account_key, observed_at, poll_id, currency, available)
                        SELECT account_key, ?::timestamptz, ?, 'USD', ?::numeric FROM account WHERE id = ?
                        """, at(p).toString(), pollIds[p], seenAt[p], id));
            }
            if (outcomes[p] != Outcome.SIGHTING) {
                continue;
            }
            if (runValue != null && !runValue.equals(seenAt[p])) {
                writes.add(closedRun(id, runStart, runEnd, runValue));
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
        if (runValue == null) {
            return; // the account's last run was closed: a latest row that does not follow the source is no run
        }
        if (runEnd == newestSighting) {
            writes.add(
                    DSL_CONTEXT.query("""
                    INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available,
                                                follows_source_poll)
                    VALUES (?, ?, ?::timestamptz, 'USD', ?::numeric, TRUE)
                    """, id, pollIds[runStart], at(runStart).toString(), runValue));
        } else {
            writes.add(closedRun(id, runStart, runEnd, runValue));
        }
    }

    private static Query closedRun(String id, int first, int last, String value) {
        return DSL_CONTEXT.query("""
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT account_key, ?::timestamptz, ?::timestamptz, 'USD', ?::numeric FROM account WHERE id = ?
                """, at(first).toString(), at(last).toString(), value, id);
    }

    private static String accountId(String source, int account) {
        return source + ".budget.b" + account;
    }

    private static Instant at(int poll) {
        return START.plusSeconds(300L * poll);
    }
}
