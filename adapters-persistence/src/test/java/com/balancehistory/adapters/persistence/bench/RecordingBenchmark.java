package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.ChangeSignificance;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.port.in.PollTrigger;
import com.balancehistory.application.port.in.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Recording one poll of 100,000 balances, from domain objects to committed rows, side by side with psql's
 * {@code \copy} of the same rows into the same table. Each invocation writes a new poll (new observed time), as in
 * production, in which {@code changedPercent} of the balances differ from the poll before. Each benchmark and
 * parameter runs in its own JVM and so its own fresh database. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class RecordingBenchmark {

    static final int ROWS = 100_000;

    /** Share of accounts whose balance changed since the previous poll: none, a busy day, every one. */
    @Param({"0", "10", "100"})
    public int changedPercent;

    private DSLContext dsl;
    private JooqSnapshotStore store;
    private JooqSnapshotStore otherInstance;
    private boolean otherRecordedLast;
    private List<BalanceObservation> balances;
    private Path csv;
    private TestDatabase db;
    private Instant observedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private int poll;

    @Setup(Level.Trial)
    public void setUp() throws IOException, java.sql.SQLException {
        db = TestDatabase.get();
        // one connection, as a pool would hand out: connecting per query would dominate the numbers
        dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        store = new JooqSnapshotStore(dsl, ChangeSignificance.defaults(), CardLimitTotals.none());
        otherInstance = new JooqSnapshotStore(dsl, ChangeSignificance.defaults(), CardLimitTotals.none());
        Currency usd = CurrencyCodes.require("USD");
        balances = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Account account = Account.of("bench", ProviderType.AHRVO, AccountKind.BUDGET, "budget" + i,
                    "Budget " + i, usd);
            balances.add(BalanceObservation.of(account, Balances.available(Money.parse((i % 90_000) + ".25", usd))));
        }
        // the accounts exist after the first poll, as they do in production after the first day
        record(store);
        csv = Files.createTempFile("snapshots", ".csv");
    }

    @Setup(Level.Invocation)
    public void nextPoll() throws IOException {
        observedAt = observedAt.plusSeconds(300);
        poll++;
        for (int i = 0; i < ROWS; i++) {
            if ((i + poll) % 100 < changedPercent) {
                BalanceObservation before = balances.get(i);
                Money spent = Money.parse("1.00", before.balances().available().currency());
                balances.set(i, BalanceObservation.of(before.account(),
                        Balances.available(before.balances().available().minus(spent))));
            }
        }
        StringBuilder rows = new StringBuilder(ROWS * 48);
        long copyPoll = observedAt.getEpochSecond();
        for (BalanceObservation b : balances) {
            rows.append(b.account().id().value()).append(',').append(observedAt.plusMillis(1)).append(',')
                    .append(copyPoll).append(",USD,").append(b.balances().available().toPlainString()).append('\n');
        }
        Files.writeString(csv, rows);
    }

    @Benchmark
    public int recordPollThroughTheStore() {
        return record(store);
    }

    /**
     * Two service instances taking turns, so the recording instance never knows the previous poll's values and
     * the latest-value statement compares all 100,000 in SQL.
     */
    @Benchmark
    public int recordPollAfterAnotherInstance() {
        otherRecordedLast = !otherRecordedLast;
        return record(otherRecordedLast ? otherInstance : store);
    }

    @Benchmark
    public int psqlCopyOfTheSameRows() throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", psqlUrl(), "-c",
                "\\copy balance_snapshot (account_id, observed_at, poll_id, currency, available) FROM '" + csv
                        + "' WITH (FORMAT csv)")
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return ROWS;
    }

    private int record(JooqSnapshotStore store) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), observedAt);
        // Ahrvo lists every budget, so each poll also checks for budgets that are gone
        FetchResult.Fetched result = new FetchResult.Fetched("bench", balances, List.of(), List.of(),
                Set.of(AccountKind.BUDGET), List.of());
        int written = store.recordSource(new SourcePollRecord(pollId, "bench", "ahrvo", SourceOutcome.OK,
                Optional.empty(), observedAt, observedAt, result));
        if (written != ROWS) {
            throw new IllegalStateException("wrote " + written + " rows, expected " + ROWS);
        }
        return written;
    }

    private String psqlUrl() {
        String url = db.jdbcUrl().substring("jdbc:".length());
        return url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + db.user();
    }
}
