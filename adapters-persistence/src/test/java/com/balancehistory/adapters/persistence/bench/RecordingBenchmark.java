package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
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

    private static final String CHANGE_COLUMNS = "account_id, observed_at, poll_id, previous_observed_at, currency, "
            + "previous_available, available, change, significant";

    /** Share of accounts whose balance changed since the previous poll: none, a typical poll, a busy day, all. */
    @Param({"0", "1", "10", "100"})
    public int changedPercent;

    private DSLContext dsl;
    private JooqSnapshotStore store;
    private JooqSnapshotStore otherInstance;
    private boolean otherRecordedLast;
    private List<BalanceObservation> balances;
    private Path csv;
    private Path changedCsv;
    private Path changesCsv;
    private Path leastWritesScript;
    private Psql psql;
    private Instant observedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private int poll;

    @Setup(Level.Trial)
    public void setUp() throws IOException, java.sql.SQLException {
        TestDatabase db = TestDatabase.get();
        psql = new Psql(db);
        // one connection, as a pool would hand out: connecting per query would dominate the numbers
        dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        dsl.execute(Psql.PER_POLL_TABLE);
        store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        otherInstance = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        balances = budgets("bench");
        // the accounts exist after the first poll, as they do in production after the first day
        record(store);
        csv = Files.createTempFile("snapshots", ".csv");
        changedCsv = Files.createTempFile("changed", ".csv");
        changesCsv = Files.createTempFile("changes", ".csv");
        leastWritesScript = Files.createTempFile("least-writes", ".sql");
        Files.writeString(
                leastWritesScript, """
                BEGIN;
                \\copy per_poll_snapshot (%s) FROM '%s' WITH (FORMAT csv)
                CREATE TEMPORARY TABLE changed_value (account_id TEXT, currency TEXT, available NUMERIC)
                    ON COMMIT DROP;
                \\copy changed_value FROM '%s' WITH (FORMAT csv)
                UPDATE latest_balance l SET previous_observed_at = l.observed_at, previous_available = l.available,
                    poll_id = :poll, observed_at = :'observed', currency = c.currency, available = c.available,
                    follows_source_poll = TRUE
                FROM changed_value c WHERE l.account_id = c.account_id;
                \\copy per_poll_change (%s) FROM '%s' WITH (FORMAT csv)
                COMMIT;
                """.formatted(Psql.SNAPSHOT_COLUMNS, csv, changedCsv, CHANGE_COLUMNS, changesCsv));
    }

    @Setup(Level.Invocation)
    public void nextPoll() throws IOException {
        Instant previousObservedAt = observedAt;
        observedAt = observedAt.plusSeconds(300);
        poll++;
        long copyPoll = observedAt.getEpochSecond();
        Instant copyObservedAt = observedAt.plusMillis(1);
        StringBuilder changed = new StringBuilder();
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            if ((i + poll) % 100 < changedPercent) {
                BalanceObservation before = balances.get(i);
                Money previous = before.balances().available();
                Money now = previous.minus(Money.parse("1.00", previous.currency()));
                balances.set(i, BalanceObservation.of(before.account(), Balances.available(now)));
                String id = before.account().id().value();
                changed.append(id).append(",USD,").append(now.toPlainString()).append('\n');
                changes.append(id)
                        .append(',')
                        .append(copyObservedAt)
                        .append(',')
                        .append(copyPoll)
                        .append(',')
                        .append(previousObservedAt)
                        .append(",USD,")
                        .append(previous.toPlainString())
                        .append(',')
                        .append(now.toPlainString())
                        .append(",-1.00,false\n");
            }
        }
        StringBuilder rows = new StringBuilder(ROWS * 48);
        for (BalanceObservation b : balances) {
            rows.append(b.account().id().value())
                    .append(',')
                    .append(copyObservedAt)
                    .append(',')
                    .append(copyPoll)
                    .append(",USD,")
                    .append(b.balances().available().toPlainString())
                    .append('\n');
        }
        Files.writeString(csv, rows);
        Files.writeString(changedCsv, changed);
        Files.writeString(changesCsv, changes);
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
        psql.copySnapshots(csv);
        return ROWS;
    }

    /**
     * The least any recorder must write for this poll, done by psql with no Java at all: in one transaction the
     * snapshots by {@code \copy}, the latest values of the balances that changed (staged by {@code \copy}, one
     * UPDATE), and their change events by {@code \copy}. It bounds what the store can reach when many balances change.
     */
    @Benchmark
    public int psqlLeastWritesOfTheSamePoll() throws IOException, InterruptedException {
        psql.run(
                "-v",
                "poll=" + observedAt.getEpochSecond(),
                "-v",
                "observed=" + observedAt.plusMillis(1),
                "-f",
                leastWritesScript.toString());
        return ROWS;
    }

    /** 100,000 Ahrvo budgets of one source, in USD. */
    static List<BalanceObservation> budgets(String source) {
        Currency usd = CurrencyCodes.require("USD");
        List<BalanceObservation> budgets = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Account account =
                    Account.of(source, ProviderType.AHRVO, AccountKind.BUDGET, "budget" + i, "Budget " + i, usd);
            budgets.add(BalanceObservation.of(account, Balances.available(Money.parse((i % 90_000) + ".25", usd))));
        }
        return budgets;
    }

    /** Records one poll of these budgets as the complete list of the source's budgets. */
    static int record(JooqSnapshotStore store, String source, List<BalanceObservation> budgets, Instant observedAt) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), observedAt);
        // Ahrvo lists every budget, so each poll also checks for budgets that are gone
        FetchResult.Fetched result =
                new FetchResult.Fetched(source, budgets, List.of(), List.of(), Set.of(AccountKind.BUDGET), List.of());
        int written = store.recordSource(new SourcePollRecord(
                pollId, source, "ahrvo", SourceOutcome.OK, Optional.empty(), observedAt, observedAt, result));
        if (written != budgets.size()) {
            throw new IllegalStateException("wrote " + written + " rows, expected " + budgets.size());
        }
        return written;
    }

    private int record(JooqSnapshotStore store) {
        return record(store, "bench", balances, observedAt);
    }
}
