package com.balancehistory.db.bench;

import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How long the upgrade of a per-poll database (schema V6) to the current schema takes per million stored
 * observations. Builds the V6 history in SQL as V6 recorded it (a snapshot per account and successful poll every 5
 * minutes, 1 % of balances changing per poll, one failed poll a day, latest rows following the source's newest poll,
 * change events), then times Flyway applying every later migration.
 *
 * <p>Run: {@code java -cp <db test classpath> com.balancehistory.db.bench.UpgradeFromV6Benchmark <accounts> <polls>
 * [<accounts> <polls> ...]}; each pair is its own fresh database, dropped at exit.
 */
public final class UpgradeFromV6Benchmark {

    private UpgradeFromV6Benchmark() {}

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            run(Integer.parseInt(args[i]), Integer.parseInt(args[i + 1]));
        }
    }

    private static void run(int accounts, int polls) throws Exception {
        TestDatabase db = TestDatabase.get().siblingAtVersion("6");
        try (Connection c = db.connect()) {
            long fillStart = System.nanoTime();
            populate(c, accounts, polls);
            long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
            long snapshots = count(c, "SELECT count(*) FROM balance_snapshot");
            long changes = count(c, "SELECT count(*) FROM balance_change");
            long sizeBefore = count(c, "SELECT pg_database_size(current_database())");

            long start = System.nanoTime();
            db.upgrade();
            double seconds = (System.nanoTime() - start) / 1e9;

            long viewRows = count(c, "SELECT count(*) FROM analytics.snapshots");
            long sizeAfter = count(c, "SELECT pg_database_size(current_database())");
            System.out.printf(
                    "accounts=%d polls=%d snapshots=%d changes=%d fill=%d ms upgrade=%.1f s per-million=%.1f s"
                            + " analytics.snapshots=%d size-before=%d MB size-after=%d MB%n",
                    accounts,
                    polls,
                    snapshots,
                    changes,
                    fillMillis,
                    seconds,
                    seconds * 1_000_000 / snapshots,
                    viewRows,
                    sizeBefore / 1_048_576,
                    sizeAfter / 1_048_576);
            if (viewRows != snapshots) {
                throw new IllegalStateException("analytics.snapshots has " + viewRows
                        + " rows after the upgrade, the V6 table had " + snapshots);
            }
        }
    }

    private static void populate(Connection c, int accounts, int polls) throws SQLException {
        try (Statement s = c.createStatement()) {
            // polls every 5 minutes ending about now, inside the partitions V1 created (last month to 3 ahead)
            s.execute("CREATE TEMP TABLE bench_poll AS SELECT p, date_trunc('minute', now())"
                    + " - make_interval(mins => 5 * (" + polls + " - p)) AS at, p % 288 = 0 AS failed"
                    + " FROM generate_series(1, " + polls + ") p");
            s.execute("INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE"
                    + " SELECT p, 'schedule', at, at FROM bench_poll");
            s.execute("SELECT setval(pg_get_serial_sequence('poll_run', 'id'), " + polls + ")");
            s.execute("INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, accounts_seen,"
                    + " rows_written, started_at, finished_at) SELECT p, 'bench', 'ahrvo',"
                    + " CASE WHEN failed THEN 'failed' ELSE 'ok' END,"
                    + " CASE WHEN failed THEN 'GET /budgets: UNAVAILABLE' END,"
                    + " CASE WHEN failed THEN 0 ELSE " + accounts + " END, 0, at, at FROM bench_poll");
            s.execute("INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)"
                    + " SELECT 'bench.budget.' || a, 'bench', 'ahrvo', 'budget', a::text, 'Budget ' || a, 'USD',"
                    + " (SELECT min(at) FROM bench_poll) FROM generate_series(1, " + accounts + ") a");
            // each account's balance steps up at exactly 1 in 100 of its polls, spread over the accounts
            s.execute("CREATE TEMP TABLE bench_obs AS SELECT a, p, at, 10 + sum(CASE WHEN (a * 7919 + p * 104729) %"
                    + " 100 = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY a ORDER BY p) AS v"
                    + " FROM generate_series(1, " + accounts + ") a, bench_poll WHERE NOT failed");
            s.execute("INSERT INTO balance_snapshot (account_id, observed_at, poll_id, currency, available)"
                    + " SELECT 'bench.budget.' || a, at, p, 'USD', v FROM bench_obs");
            s.execute("INSERT INTO balance_change (account_id, observed_at, poll_id, previous_observed_at, currency,"
                    + " previous_available, available, change, significant)"
                    + " SELECT 'bench.budget.' || a, at, p, previous_at, 'USD', previous_v, v, v - previous_v, true"
                    + " FROM (SELECT a, p, at, v, lag(v) OVER w AS previous_v, lag(at) OVER w AS previous_at"
                    + "       FROM bench_obs WINDOW w AS (PARTITION BY a ORDER BY p)) o"
                    + " WHERE previous_v IS NOT NULL AND previous_v <> v");
            // the latest row follows the newest poll: it names the first poll of the account's last run
            s.execute("INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available,"
                    + " previous_observed_at, previous_available, follows_source_poll)"
                    + " SELECT 'bench.budget.' || a, p, at, 'USD', v, previous_at, previous_v, true"
                    + " FROM (SELECT DISTINCT ON (a) a, p, at, v, previous_at, previous_v"
                    + "       FROM (SELECT a, p, at, v, max(v) OVER (PARTITION BY a) AS last_v,"
                    + "             lag(at) OVER w AS previous_at, lag(v) OVER w AS previous_v"
                    + "             FROM bench_obs WINDOW w AS (PARTITION BY a ORDER BY p)) o"
                    + "       WHERE v = last_v ORDER BY a, p) r");
            s.execute("INSERT INTO source_balance_poll (source, poll_id, observed_at)"
                    + " SELECT 'bench', p, at FROM bench_poll WHERE NOT failed ORDER BY p DESC LIMIT 1");
            s.execute("INSERT INTO daily_rollup_pending (day, marked_at) SELECT DISTINCT (at AT TIME ZONE 'UTC')::date,"
                    + " now() FROM bench_poll ON CONFLICT DO NOTHING");
            s.execute("DROP TABLE bench_obs, bench_poll");
            s.execute("ANALYZE");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
