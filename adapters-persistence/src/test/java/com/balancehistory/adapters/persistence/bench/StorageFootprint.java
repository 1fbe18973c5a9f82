package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Bytes on disk per logical observation (one account in one poll), of the history as the store records it beside
 * today's per-poll form of the same polls. Every poll goes through the real store: 10,000 budgets, polled every 5
 * minutes for a simulated number of hours with one failed poll among them, {@code changed}% of the balances
 * changing per poll. The per-poll form gets the same snapshot rows by COPY into {@code per_poll_snapshot}; the
 * other tables (poll ledger, change events, latest values, accounts) are the same in both forms and counted in both.
 * Growth is measured after the first poll, so the accounts' own rows are left out. Not a timing: a measurement run
 * with {@code exec:exec} (docs/benchmarks.md).
 */
public final class StorageFootprint {

    private static final int ACCOUNTS = 10_000;
    private static final int POLLS = 96; // 8 hours at 5 minutes
    private static final String HISTORY = "ARRAY['balance_run', 'balance_late_snapshot', 'balance_change', "
            + "'poll_source_result', 'poll_run', 'latest_balance', 'source_balance_poll', 'daily_rollup_pending']";

    private StorageFootprint() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "%-9s %14s %14s %12s %12s%n",
                "changed", "compact B/obs", "per-poll B/obs", "compact GB/y", "per-poll GB/y");
        for (int changed : new int[] {0, 1, 10, 100}) {
            measure(changed);
        }
    }

    private static void measure(int changedPercent) throws Exception {
        TestDatabase db = TestDatabase.get().sibling();
        DSLContext dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        dsl.execute(Psql.PER_POLL_TABLE);
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        List<BalanceObservation> balances =
                new ArrayList<>(RecordingBenchmark.budgets("bench").subList(0, ACCOUNTS));
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        RecordingBenchmark.record(store, "bench", balances, at);
        copyPerPoll(dsl, balances, 1, at);
        long compactBefore = bytes(dsl, HISTORY);
        long perPollBefore = bytes(dsl, "ARRAY['per_poll_snapshot']");
        long observations = 0;
        for (int poll = 1; poll < POLLS; poll++) {
            at = at.plusSeconds(300);
            if (poll == POLLS / 2) { // the day's failed poll: a gap, nothing written in either form
                long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
                store.recordSource(new SourcePollRecord(
                        pollId,
                        "bench",
                        "ahrvo",
                        SourceOutcome.FAILED,
                        Optional.of("down"),
                        at,
                        at,
                        new FetchResult.Failed(
                                "bench", FetchFailure.ofSource("GET /budgets", FailureKind.UNAVAILABLE, "down"))));
                continue;
            }
            for (int i = 0; i < ACCOUNTS; i++) {
                if (Math.floorMod(i * 7919 + poll * 104_729, 100) < changedPercent) {
                    BalanceObservation before = balances.get(i);
                    Money now = before.balances().available().minus(Money.parse("1.00", "USD"));
                    balances.set(i, BalanceObservation.of(before.account(), Balances.available(now)));
                }
            }
            RecordingBenchmark.record(store, "bench", balances, at);
            copyPerPoll(dsl, balances, poll + 1, at);
            observations += ACCOUNTS;
        }
        dsl.execute("VACUUM (ANALYZE)");
        long compact = bytes(dsl, HISTORY) - compactBefore;
        // the per-poll form wrote the same ledger, change events and latest values, and its snapshots besides
        long perPoll = compact + bytes(dsl, "ARRAY['per_poll_snapshot']") - perPollBefore;
        double yearly = 10_000.0 * 288 * 365;
        System.out.printf(
                "%-9s %14.2f %14.2f %12.2f %12.2f%n",
                changedPercent + " %",
                (double) compact / observations,
                (double) perPoll / observations,
                compact * yearly / observations / 1e9,
                perPoll * yearly / observations / 1e9);
    }

    private static void copyPerPoll(DSLContext dsl, List<BalanceObservation> balances, long pollId, Instant at) {
        String[] ids = balances.stream().map(b -> b.account().id().value()).toArray(String[]::new);
        String[] amounts = balances.stream()
                .map(b -> b.balances().available().toPlainString())
                .toArray(String[]::new);
        dsl.execute("""
                INSERT INTO per_poll_snapshot (account_id, observed_at, poll_id, currency, available)
                SELECT t.id, ?::timestamptz, ?, 'USD', t.amount::numeric
                FROM unnest(?::text[], ?::text[]) AS t(id, amount)
                """, at.toString(), pollId, ids, amounts);
    }

    /** Heap, indexes and TOAST of the tables named, partitions included. */
    private static long bytes(DSLContext dsl, String tables) {
        return dsl.fetchOne("""
                SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)
                FROM pg_class c
                WHERE c.relkind = 'r' AND (c.relname = ANY (%s) OR EXISTS (
                    SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                    WHERE i.inhrelid = c.oid AND p.relname = ANY (%s)))
                """.formatted(tables, tables)).get(0, Long.class);
    }
}
