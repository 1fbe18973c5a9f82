package com.balancehistory.adapters.persistence;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL snapshot store. One source's poll is one transaction, which this class orchestrates; each table's job
 * is a class of its own: the poll's result row ({@link PollRunLog}), raw bodies ({@link RawBodies}), accounts
 * ({@link AccountRegistry}, {@link GoneAccounts}, {@link LabelAssignments}), balances ({@link
 * LatestBalanceFollower}, which hands what changed to the {@link BalanceRunWriter}) and card limits ({@link
 * CardLimitWriter}). History is kept as runs of identical observations: a balance the previous poll saw with the
 * same value costs nothing, its run goes on and this poll's source row is its sighting. A replay is recognised by
 * the poll's source row, its natural key; daily rollups are made later ({@link JooqDailyRollup}). The caches of
 * accounts and followed balances learn only what has committed.
 */
public final class JooqSnapshotStore implements SnapshotStore {

    private static final String MARK_DAY_FOR_ROLLUP = """
            INSERT INTO daily_rollup_pending (day, marked_at) VALUES ((?::timestamptz AT TIME ZONE 'UTC')::date, now())
            ON CONFLICT (day) DO UPDATE SET marked_at = EXCLUDED.marked_at
            """;

    private final DSLContext dsl;
    private final Map<String, Duration> pollIntervals;
    private final PollRunLog pollRuns;
    private final CardLimitWriter cardLimits;
    private final Set<YearMonth> partitionsEnsured = ConcurrentHashMap.newKeySet();
    private final AccountRegistry accounts = new AccountRegistry();
    private final LatestBalanceFollower balances;
    private final RawBodies rawBodies = new RawBodies();

    public JooqSnapshotStore(DSLContext dsl, ChangeDetector significance, CardLimitTotals cardLimitTotals) {
        this(dsl, significance, cardLimitTotals, TopUpNoise.none());
    }

    public JooqSnapshotStore(
            DSLContext dsl, ChangeDetector significance, CardLimitTotals cardLimitTotals, TopUpNoise topUpNoise) {
        this(dsl, significance, cardLimitTotals, topUpNoise, Map.of());
    }

    /**
     * @param pollIntervals each configured source's poll interval, recorded with each of its polls so that staleness
     *     at a past time is judged by the interval of then; a source without one records none
     */
    public JooqSnapshotStore(
            DSLContext dsl,
            ChangeDetector significance,
            CardLimitTotals cardLimitTotals,
            TopUpNoise topUpNoise,
            Map<String, Duration> pollIntervals) {
        this.dsl = dsl;
        this.pollRuns = new PollRunLog(dsl);
        this.cardLimits = new CardLimitWriter(cardLimitTotals);
        this.balances = new LatestBalanceFollower(new BalanceRunWriter(significance, topUpNoise));
        this.pollIntervals = Map.copyOf(pollIntervals);
    }

    @Override
    public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        return pollRuns.open(trigger, requestedSource, startedAt);
    }

    @Override
    public void finishPollRun(long pollId, Instant finishedAt) {
        pollRuns.finish(pollId, finishedAt);
    }

    @Override
    public void interruptPollRun(long pollId, Instant interruptedAt) {
        pollRuns.interrupt(pollId, interruptedAt);
    }

    @Override
    public int recordSource(SourcePollRecord record) {
        ensurePartition(record.observedAt());
        rawBodies.ensurePartitions(dsl, record.observedAt());
        Written written = dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            // the snapshot tables' own keys still refuse any duplicate, so the bulk inserts need no conflict handling
            if (!PollRunLog.claimSourceResult(db, record, Optional.ofNullable(pollIntervals.get(record.source())))) {
                return Written.NOTHING;
            }
            // The bulk statements' cost estimates would make PostgreSQL JIT-compile them on every poll, which
            // takes longer than running them; a large hash join in SQL should not spill to disk either. Each poll
            // stages a different number of balances in the same table, so no plan is kept for the next poll.
            db.execute("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', true)");
            Written source = db.connectionResult(connection -> writeSource(connection, record));
            if (source.rows() > 0) {
                PollRunLog.setRowsWritten(db, record, source.rows());
            }
            if (record.result() instanceof FetchResult.Fetched fetched
                    && !fetched.fullyListedKinds().isEmpty()) {
                return source.withGone(GoneAccounts.markMissing(
                        db, record, fetched.fullyListedKinds(), source.balances(), source.limits()));
            }
            return source;
        });
        // only what is committed is remembered
        written.recording().ifPresent(n -> accounts.remember(record.source(), written.accountsWritten(), n));
        accounts.forget(written.gone());
        written.recorded().ifPresent(recorded -> balances.remember(record.source(), recorded));
        return written.rows();
    }

    /**
     * What a recording wrote, and what this process may remember of it once it has committed.
     *
     * @param balances the poll's balances, one per account, and {@code limits} its card limits, one per card
     * @param gone the accounts this poll marked gone
     * @param recording the source's recording number it took with the source's lock, if it took the lock
     */
    private record Written(
            int rows,
            List<Account> accountsWritten,
            Collection<BalanceObservation> balances,
            Collection<CardLimitObservation> limits,
            Optional<LatestBalanceFollower.Recorded> recorded,
            List<String> gone,
            OptionalLong recording) {

        static final Written NOTHING =
                new Written(0, List.of(), List.of(), List.of(), Optional.empty(), List.of(), OptionalLong.empty());

        Written withGone(List<String> marked) {
            return new Written(rows, accountsWritten, balances, limits, recorded, marked, recording);
        }
    }

    private Written writeSource(Connection connection, SourcePollRecord record) throws SQLException {
        rawBodies.store(connection, record);
        if (!(record.result() instanceof FetchResult.Fetched fetched)) {
            return Written.NOTHING;
        }
        Map<String, BalanceObservation> byAccount =
                uniqueBy(fetched.balances(), o -> o.account().id().value());
        Map<String, CardLimitObservation> limits =
                uniqueBy(fetched.cardLimits(), o -> o.card().id().value());
        List<Account> seen = new ArrayList<>(byAccount.size() + limits.size());
        byAccount.values().forEach(o -> seen.add(o.account()));
        limits.values().forEach(o -> seen.add(o.card()));
        // first: every write of the source's accounts comes after the source's lock
        LatestBalanceFollower.SourceLock lock = LatestBalanceFollower.lockNewest(connection, record);
        Optional<NewestBalancePoll> previous = lock.previous();
        // before the upsert, which would clear their gone time without ending their gone period
        if (!seen.isEmpty()) {
            GoneAccounts.bringBack(connection, record.source(), seen, record.observedAt());
        }
        List<Account> changed =
                accounts.write(connection, record.source(), seen, record.observedAt(), lock.recording());
        // even an empty answer is recorded for balances: the accounts the previous poll saw are no longer current
        LatestBalanceFollower.Recorded recorded = balances.record(connection, byAccount, record, previous);
        int rows = recorded.rows() + cardLimits.write(connection, limits.values(), record, previous);
        // after the balances: the source's lock they hold keeps two recordings from opening the same label twice
        LabelAssignments.write(connection, changed, record.observedAt());
        if (!byAccount.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_DAY_FOR_ROLLUP)) {
                mark.setString(1, record.observedAt().toString());
                mark.executeUpdate();
            }
        }
        return new Written(
                rows,
                changed,
                byAccount.values(),
                limits.values(),
                Optional.of(recorded),
                List.of(),
                OptionalLong.of(lock.recording()));
    }

    /** Creates the month's partitions before the first insert into it (once per month and process). */
    private void ensurePartition(Instant observedAt) {
        YearMonth month = YearMonth.from(observedAt.atOffset(ZoneOffset.UTC));
        if (partitionsEnsured.contains(month)) {
            return;
        }
        dsl.execute("SELECT ensure_snapshot_partitions(?::date)", month.atDay(1).toString());
        dsl.execute(
                "SELECT ensure_snapshot_partitions(?::date)",
                month.plusMonths(1).atDay(1).toString());
        partitionsEnsured.add(month);
    }

    private static <T> Map<String, T> uniqueBy(List<T> items, Function<T, String> key) {
        Map<String, T> unique = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
        for (T item : items) {
            unique.put(key.apply(item), item); // a provider repeating an account: the last one wins
        }
        return unique;
    }
}
