package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first poll of a new source of 100,000 budgets: every account, its first name, its latest value and its
 * snapshot are new. Side by side with psql's {@code \copy} of the same snapshot rows. Each invocation is another new
 * source. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(1)
public class FirstPollBenchmark {

    private JooqSnapshotStore store;
    private Psql psql;
    private Path csv;
    private final Instant observedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String source;
    private List<BalanceObservation> budgets;
    private int sources;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        TestDatabase db = TestDatabase.get();
        psql = new Psql(db);
        DSLContext dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        dsl.execute(Psql.PER_POLL_TABLE);
        store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        csv = Files.createTempFile("first-poll", ".csv");
    }

    @Setup(Level.Invocation)
    public void newSource() throws IOException {
        source = "new" + ++sources;
        budgets = RecordingBenchmark.budgets(source);
        StringBuilder rows = new StringBuilder(budgets.size() * 48);
        for (BalanceObservation b : budgets) {
            rows.append(b.account().id().value())
                    .append(',')
                    .append(observedAt)
                    .append(",-")
                    .append(sources)
                    .append(",USD,")
                    .append(b.balances().available().toPlainString())
                    .append('\n');
        }
        Files.writeString(csv, rows);
    }

    @Benchmark
    public int recordFirstPollOfANewSource() {
        return RecordingBenchmark.record(store, source, budgets, observedAt);
    }

    @Benchmark
    public int psqlCopyOfTheSameRows() throws IOException, InterruptedException {
        psql.copySnapshots(csv);
        return budgets.size();
    }
}
