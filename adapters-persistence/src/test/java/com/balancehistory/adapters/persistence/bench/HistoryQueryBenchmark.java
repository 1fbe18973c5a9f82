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
 * The compact form is generated in SQL as the store writes it ({@link GeneratedHistory}; {@code
 * GeneratedHistoryMatchesRecordingIT} records a slice of the same polls through the store and compares). Run: see
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
    static final LocalDate FIRST_DAY = GeneratedHistory.FIRST_DAY;
    static final Instant FIRST_POLL = GeneratedHistory.FIRST_POLL;

    /** Names what {@link #generateHistory} writes; change it with the generator so kept databases are made again. */
    static final String GENERATED_SHAPE =
            "runs v4: 1 % changed per poll, one failed poll a day, last day pending, runs in the order they close,"
                    + " runs begin and end at sightings, one account in ten gone after its last change";

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
        GeneratedHistory.generate(dsl, ACCOUNTS, days);
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
        // the generated accounts' keys are their numbers; the API resolves an account id to its key first
        int account = ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
        return dsl.select(
                        DAILY_BALANCE.DAY,
                        DAILY_BALANCE.CURRENCY,
                        DAILY_BALANCE.OPEN_AVAILABLE,
                        DAILY_BALANCE.CLOSE_AVAILABLE,
                        DAILY_BALANCE.MIN_AVAILABLE,
                        DAILY_BALANCE.MAX_AVAILABLE,
                        DAILY_BALANCE.SAMPLES)
                .from(DAILY_BALANCE)
                .where(DAILY_BALANCE.ACCOUNT_KEY.eq(account))
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
