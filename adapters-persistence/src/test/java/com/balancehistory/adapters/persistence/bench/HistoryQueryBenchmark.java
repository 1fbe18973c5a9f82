package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.JooqDailyRollup;
import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.db.testing.TestDatabase;
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

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static com.balancehistory.db.jooq.Tables.DAILY_BALANCE;

/**
 * The read paths that must stay fast as history grows: the latest balance of every one of 10,000 accounts (as the
 * service reads them, and as an analyst reads the view), and one account's daily history over a year. Runs once
 * with 1 million and once with 10 million snapshot rows (10,000 accounts, a year of history each) in a fresh
 * database. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class HistoryQueryBenchmark {

    static final int ACCOUNTS = 10_000;
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-11-01");

    @Param({"1000000", "10000000"})
    public int snapshotRows;

    private DSLContext dsl;
    private JooqBalanceReadModel readModel;

    @Setup(Level.Trial)
    public void generateHistory() throws java.sql.SQLException {
        TestDatabase db = TestDatabase.get().sibling();
        // one connection, as a pool would hand out: connecting per query would dominate the numbers
        dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        readModel = new JooqBalanceReadModel(dsl);
        int perAccount = snapshotRows / ACCOUNTS;
        for (int month = 0; month <= 12; month++) {
            dsl.execute("SELECT ensure_snapshot_partitions(?::date)", FIRST_DAY.plusMonths(month).toString());
        }
        dsl.execute("""
                INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)
                SELECT 'bench.budget.b' || a, 'bench', 'ahrvo', 'budget', 'b' || a, 'Budget ' || a,
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], ?::date
                FROM generate_series(1, ?) a
                """, FIRST_DAY.toString(), ACCOUNTS);
        // evenly spread over 365 days, in time order as polls arrive
        dsl.execute("""
                INSERT INTO balance_snapshot (account_id, observed_at, poll_id, currency, available)
                SELECT 'bench.budget.b' || a, ?::date + (k * (365.0 / ?)) * INTERVAL '1 day', k,
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], round((100000 - k * 7 + a % 1000)::numeric, 2)
                FROM generate_series(1, ?) k, generate_series(1, ?) a
                """, FIRST_DAY.toString(), perAccount, perAccount, ACCOUNTS);
        // as after steady polling: most latest rows follow the source's newest poll, one in ten was not seen by it
        dsl.execute("""
                INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available, follows_source_poll)
                SELECT DISTINCT ON (account_id) account_id, poll_id, observed_at, currency, available,
                       right(account_id, 1) <> '0'
                FROM balance_snapshot ORDER BY account_id, observed_at DESC
                """);
        dsl.execute("""
                WITH newest AS (
                    INSERT INTO poll_run (trigger, started_at) SELECT 'schedule', max(observed_at) FROM latest_balance
                    RETURNING id, started_at
                )
                INSERT INTO source_balance_poll (source, poll_id, observed_at) SELECT 'bench', id, started_at FROM newest
                """);
        dsl.execute("""
                INSERT INTO daily_rollup_pending (day, marked_at)
                SELECT d::date, now() FROM generate_series(?::date, ?::date + 366, INTERVAL '1 day') d
                """, FIRST_DAY.toString(), FIRST_DAY.toString());
        new JooqDailyRollup(dsl).rollUpCompletedDays(Instant.parse("2027-01-01T00:00:00Z"));
        // a database in its steady state: without this, autovacuum and the checkpointer work through the freshly
        // loaded rows while the reads are measured
        dsl.execute("VACUUM (ANALYZE)");
        dsl.execute("CHECKPOINT");
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
        return dsl.select(DAILY_BALANCE.DAY, DAILY_BALANCE.CURRENCY, DAILY_BALANCE.OPEN_AVAILABLE,
                        DAILY_BALANCE.CLOSE_AVAILABLE, DAILY_BALANCE.MIN_AVAILABLE, DAILY_BALANCE.MAX_AVAILABLE,
                        DAILY_BALANCE.SAMPLES)
                .from(DAILY_BALANCE)
                .where(DAILY_BALANCE.ACCOUNT_ID.eq(account))
                .and(DAILY_BALANCE.DAY.between(FIRST_DAY, FIRST_DAY.plusDays(365)))
                .orderBy(DAILY_BALANCE.DAY)
                .fetch();
    }
}
