package com.balancehistory.adapters.persistence.bench;

import static com.balancehistory.db.jooq.Tables.DAILY_BALANCE;

import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.AccountId;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read paths that must stay fast as history grows, over 10,000 accounts polled every 5 minutes with 1 % of the
 * balances changing per poll and one failed poll a day, for one month and for twelve months (30-day months) of
 * history: 0.86 and 10.4 million runs standing for 86 and 1,037 million logical snapshots. Each size is generated
 * once into a database kept between runs ({@code bh_bench_history_1}, {@code bh_bench_history_12}; migrated to the
 * latest version on every run, generated again when {@link #GENERATED_SHAPE} changes), so both sizes can be measured
 * side by side without waiting for the generation again.
 * The compact form is generated in SQL as the store writes it (closed runs, open runs in the latest rows, the poll
 * ledger as sightings); {@code CompactHistoryEquivalenceIT} checks the store's own recording against the per-poll
 * answers. Completed days are rolled up into {@code daily_balance} as generated rows too, the last day is pending
 * as the current day is. Run: see
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryQueryBenchmark {

    static final int ACCOUNTS = 10_000;
    static final int POLLS_PER_DAY = 288;
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-11-01");
    static final Instant FIRST_POLL = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Names what {@link #generateHistory} writes; change it with the generator so kept databases are made again. */
    static final String GENERATED_SHAPE =
            "runs v3: 1 % changed per poll, one failed poll a day, last day pending, runs in the order they close";

    @Param({"1", "12"})
    public int months;

    private DSLContext dsl;
    private JooqBalanceReadModel readModel;
    private Instant lastDay;

    @Setup(Level.Trial)
    public void openHistory() throws java.sql.SQLException {
        int days = months * 30;
        lastDay = FIRST_POLL.plus(java.time.Duration.ofDays(days - 1));
        TestDatabase.Kept kept = TestDatabase.get().kept("bh_bench_history_" + months);
        // one connection, as a pool would hand out: connecting per query would dominate the numbers
        java.sql.Connection connection = kept.database().connect();
        dsl = DSL.using(connection, SQLDialect.POSTGRES);
        if (!kept.created() && !GENERATED_SHAPE.equals(generatedShape())) {
            connection.close();
            kept = kept.recreated();
            connection = kept.database().connect();
            dsl = DSL.using(connection, SQLDialect.POSTGRES);
        }
        readModel = new JooqBalanceReadModel(dsl);
        if (!GENERATED_SHAPE.equals(generatedShape())) {
            long started = System.nanoTime();
            generateHistory(days);
            System.out.printf(
                    "generated %d months of history into %s in %d s%n",
                    months, kept.database().databaseName(), (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    /**
     * What the kept database was generated as; a database generated otherwise (an older version of this class, or
     * cut short) is generated again.
     */
    private String generatedShape() {
        if (dsl.fetchValue("SELECT to_regclass('bench_history_generated')") == null) {
            return "";
        }
        return dsl.fetchOptional("SELECT shape FROM bench_history_generated")
                .map(r -> r.get(0, String.class))
                .orElse("");
    }

    private void generateHistory(int days) {
        int polls = days * POLLS_PER_DAY;
        for (int month = 0; month <= months + 1; month++) {
            dsl.execute(
                    "SELECT ensure_snapshot_partitions(?::date)",
                    FIRST_DAY.plusMonths(month).toString());
        }
        dsl.execute("""
                INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)
                SELECT 'bench.budget.b' || a, 'bench', 'ahrvo', 'budget', 'b' || a, 'Budget ' || a,
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], ?::timestamptz
                FROM generate_series(1, ?) a
                """, FIRST_POLL.toString(), ACCOUNTS);
        // poll k every 5 minutes; one a day (the 101st) failed: no sighting
        dsl.execute("""
                INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE
                SELECT k + 1, 'schedule', ?::timestamptz + k * INTERVAL '5 minutes',
                       ?::timestamptz + k * INTERVAL '5 minutes'
                FROM generate_series(0, ? - 1) k
                """, FIRST_POLL.toString(), FIRST_POLL.toString(), polls);
        dsl.execute("""
                INSERT INTO poll_source_result (poll_id, source, provider, outcome, accounts_seen, rows_written,
                                                started_at, finished_at, balances_recorded)
                SELECT id, 'bench', 'ahrvo', CASE WHEN (id - 1) % 288 = 100 THEN 'failed' ELSE 'ok' END, ?, ?,
                       started_at, finished_at, (id - 1) % 288 <> 100
                FROM poll_run
                """, ACCOUNTS, ACCOUNTS);
        // account a changes once every 100 polls, at a poll of its own in each hundred: run j starts at poll
        // start(j) and is last seen at start(j + 1) - 1 (a failed poll there only lacks the sighting); written in
        // the order they close, as the store writes them, which is what the block range index of their spans needs
        dsl.execute("""
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT a, ?::timestamptz + r.first_poll * INTERVAL '5 minutes',
                       ?::timestamptz + (r.next_poll - 1) * INTERVAL '5 minutes',
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], round((100000 - j * 7 + a % 1000)::numeric, 2)
                FROM generate_series(1, ?) a, generate_series(0, ? / 100 - 2) j,
                     LATERAL (SELECT CASE WHEN j = 0 THEN 0 ELSE j * 100 + (a * 37 + j * 13) % 100 END AS first_poll,
                                     (j + 1) * 100 + (a * 37 + (j + 1) * 13) % 100 AS next_poll) r
                ORDER BY r.next_poll, a
                """, FIRST_POLL.toString(), FIRST_POLL.toString(), ACCOUNTS, polls);
        // the open runs: nine in ten follow the source's newest poll, one in ten was not seen by it
        dsl.execute("""
                INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available,
                                            follows_source_poll)
                SELECT 'bench.budget.b' || a, r.first_poll + 1, ?::timestamptz + r.first_poll * INTERVAL '5 minutes',
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], round((100000 - r.j * 7 + a % 1000)::numeric, 2),
                       a % 10 <> 0
                FROM generate_series(1, ?) a, LATERAL (SELECT ? / 100 - 1 AS j) last,
                     LATERAL (SELECT last.j AS j, last.j * 100 + (a * 37 + last.j * 13) % 100 AS first_poll) r
                """, FIRST_POLL.toString(), ACCOUNTS, polls);
        dsl.execute("""
                INSERT INTO source_balance_poll (source, poll_id, observed_at)
                SELECT 'bench', max(poll_id), max(finished_at) FROM poll_source_result WHERE balances_recorded
                """);
        // completed days as the rollup leaves them, day after day (rolling up a year through the generated rows
        // takes too long for a benchmark's set-up; JooqDailyRollup is exercised by the tests); the last day is
        // not rolled up yet, as the current day never is, so the daily view computes it from the runs
        dsl.execute("""
                INSERT INTO daily_balance (account_id, day, currency, open_available, close_available, min_available,
                                           max_available, samples, first_observed_at, last_observed_at)
                SELECT 'bench.budget.b' || a, ?::date + d, (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3],
                       100000 - d * 20, 100000 - d * 20 - 14, 100000 - d * 20 - 14, 100000 - d * 20, 287,
                       ?::timestamptz + d * INTERVAL '1 day', ?::timestamptz + (d + 1) * INTERVAL '1 day'
                                                                             - INTERVAL '5 minutes'
                FROM generate_series(0, ? - 2) d, generate_series(1, ?) a
                ORDER BY d, a
                """, FIRST_DAY.toString(), FIRST_POLL.toString(), FIRST_POLL.toString(), days, ACCOUNTS);
        dsl.execute(
                "INSERT INTO daily_rollup_pending (day, marked_at) VALUES (?::date, now())",
                FIRST_DAY.plusDays(days - 1).toString());
        // a database in its steady state: without this, autovacuum and the checkpointer work through the freshly
        // loaded rows while the reads are measured
        dsl.execute("VACUUM (ANALYZE)");
        dsl.execute("CHECKPOINT");
        dsl.execute("CREATE TABLE bench_history_generated (shape TEXT NOT NULL)");
        dsl.execute("INSERT INTO bench_history_generated (shape) VALUES (?)", GENERATED_SHAPE);
    }

    /** The service's read model: every latest balance mapped to domain objects (API list, reports, alerts). */
    @Benchmark
    public int latestBalancesOf10000Accounts() {
        return readModel.allLatestBalances().size();
    }

    /**
     * What an analyst's SQL client gets: every column of every row of the documented view, as text (a plain
     * statement, so the server sends text as it does to psql).
     */
    @Benchmark
    public int latestBalancesViewOf10000Accounts() {
        return dsl.connectionResult(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT * FROM analytics.latest_balances")) {
                int columns = rs.getMetaData().getColumnCount();
                int values = 0;
                while (rs.next()) {
                    for (int column = 1; column <= columns; column++) {
                        if (rs.getString(column) != null) {
                            values++;
                        }
                    }
                }
                return values;
            }
        });
    }

    @Benchmark
    public Result<? extends Record> dailyHistoryOfOneAccountOverAYear() {
        String account = "bench.budget.b" + ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
        return dsl.select(
                        DAILY_BALANCE.DAY,
                        DAILY_BALANCE.CURRENCY,
                        DAILY_BALANCE.OPEN_AVAILABLE,
                        DAILY_BALANCE.CLOSE_AVAILABLE,
                        DAILY_BALANCE.MIN_AVAILABLE,
                        DAILY_BALANCE.MAX_AVAILABLE,
                        DAILY_BALANCE.SAMPLES)
                .from(DAILY_BALANCE)
                .where(DAILY_BALANCE.ACCOUNT_ID.eq(account))
                .and(DAILY_BALANCE.DAY.between(FIRST_DAY, FIRST_DAY.plusDays(365)))
                .orderBy(DAILY_BALANCE.DAY)
                .fetch();
    }

    /** The history route's raw points: one random account's snapshots over its last 30 days (8,640 polls). */
    @Benchmark
    public int rawPointsOfOneAccountOverAMonth() {
        AccountId account =
                new AccountId("bench.budget.b" + ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1));
        Instant to = lastDay.plus(java.time.Duration.ofDays(1));
        return readModel
                .availableHistory(account, to.minus(java.time.Duration.ofDays(30)), to, 10_000)
                .size();
    }

    /** The history route's daily buckets of one random account over its last 30 days (open, close, min, max). */
    @Benchmark
    public int dailyBucketsOfOneAccountOverAMonth() {
        AccountId account =
                new AccountId("bench.budget.b" + ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1));
        Instant to = lastDay.plus(java.time.Duration.ofDays(1));
        java.util.List<Instant> boundaries = new java.util.ArrayList<>();
        for (int day = 30; day >= 0; day--) {
            boundaries.add(to.minus(java.time.Duration.ofDays(day)));
        }
        return readModel.aggregate(account, boundaries).size();
    }

    /** An analyst's one account over one day through analytics.snapshots, as text. */
    @Benchmark
    public int snapshotsViewOfOneAccountOverADay() {
        String account = "bench.budget.b" + ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
        return textRows("SELECT * FROM analytics.snapshots WHERE account_id = '" + account + "' AND observed_at >= '"
                + lastDay + "' AND observed_at < '" + lastDay.plusSeconds(86_400) + "'");
    }

    /** analytics.daily_balances of every account over the last 30 days, as text (300,000 rows). */
    @Benchmark
    public int dailyBalancesViewOfAllAccountsOverAMonth() {
        LocalDate last = lastDay.atOffset(ZoneOffset.UTC).toLocalDate();
        return textRows("SELECT * FROM analytics.daily_balances WHERE day > DATE '" + last.minusDays(30)
                + "' AND day <= DATE '" + last + "'");
    }

    private int textRows(String sql) {
        return dsl.connectionResult(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                int rows = 0;
                while (rs.next()) {
                    rs.getString(1);
                    rows++;
                }
                return rows;
            }
        });
    }
}
