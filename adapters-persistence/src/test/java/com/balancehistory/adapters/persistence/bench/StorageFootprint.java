package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.AhrvoPolls;
import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Bytes on disk per logical observation (one account in one poll), of the history as the store records it beside
 * the per-poll form of the same polls. Every poll goes through the real store: 10,000 budgets, polled every 5
 * minutes, {@code changed}% of the balances changing per poll, one failed poll among the measured ones. Before the
 * measured polls the store records warm-up polls until nearly every account has changed a few times, so that the
 * runs closed while measuring are runs that began with a change, as they are in a long history. The per-poll form
 * gets the same snapshot rows by COPY into {@code per_poll_snapshot} and the same change events, one row each in
 * the shape of V1's {@code balance_change}; the poll ledger and latest values are the same in both forms and
 * counted in both. Growth is measured from a vacuumed database to a vacuumed database. Not a timing: a measurement
 * run with {@code exec:exec} (docs/benchmarks.md). Arguments: the change percentages to measure (default 0 1 10 100).
 */
public final class StorageFootprint {

    private static final int ACCOUNTS = 10_000;
    private static final int POLLS = 96; // 8 hours at 5 minutes
    /** Warm-up changes per account before measuring: a run closed then began with a change in 19 of 20 cases. */
    private static final int WARM_UP_CHANGES = 3;

    private static final String SHARED =
            "'poll_source_result', 'poll_run', 'latest_balance', 'source_balance_poll', " + "'daily_rollup_pending'";
    private static final String COMPACT =
            "ARRAY['balance_run', 'balance_late_snapshot', 'balance_change', " + SHARED + "]";
    private static final String PER_POLL = "ARRAY['per_poll_snapshot', 'per_poll_change', " + SHARED + "]";

    private StorageFootprint() {}

    public static void main(String[] args) throws Exception {
        int[] rates = args.length == 0
                ? new int[] {0, 1, 10, 100}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<String> lines = new ArrayList<>();
        for (int changed : rates) {
            lines.add(measure(changed));
        }
        System.out.printf(
                "%-9s %14s %14s %12s %12s%n",
                "changed", "compact B/obs", "per-poll B/obs", "compact GB/y", "per-poll GB/y");
        lines.forEach(System.out::println);
    }

    private static String measure(int changedPercent) throws Exception {
        TestDatabase db = TestDatabase.get().sibling();
        DSLContext dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        dsl.execute(Psql.PER_POLL_TABLE);
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        List<BalanceObservation> balances =
                new ArrayList<>(RecordingBenchmark.budgets("bench").subList(0, ACCOUNTS));
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        RecordingBenchmark.record(store, "bench", balances, at);
        int warmUp = changedPercent == 0 ? 0 : WARM_UP_CHANGES * 100 / changedPercent;
        for (int poll = 1; poll <= warmUp; poll++) {
            at = at.plusSeconds(300);
            change(balances, poll, changedPercent);
            RecordingBenchmark.record(store, "bench", balances, at);
        }
        copyPerPoll(dsl, balances, List.of(), 0, at);
        // vacuumed before as after: its first run gives each table its free-space and visibility maps (32 KB a
        // table whatever its size), which are no growth
        dsl.execute("VACUUM (ANALYZE)");
        Map<String, Long> before = byRelation(dsl);
        long compactBefore = bytes(dsl, COMPACT);
        long perPollBefore = bytes(dsl, PER_POLL);
        long observations = 0;
        Instant previousAt = at;
        for (int poll = warmUp + 1; poll < warmUp + POLLS; poll++) {
            at = at.plusSeconds(300);
            if (poll == warmUp + POLLS / 2) { // the day's failed poll: a gap, nothing written in either form
                long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
                store.recordSource(
                        AhrvoPolls.recorded(pollId, at, AhrvoPolls.unavailable("bench", "GET /budgets", List.of())));
                continue;
            }
            List<Integer> changed = change(balances, poll, changedPercent);
            RecordingBenchmark.record(store, "bench", balances, at);
            copyPerPoll(dsl, balances, changed, poll, at, previousAt);
            previousAt = at;
            observations += ACCOUNTS;
        }
        dsl.execute("VACUUM (ANALYZE)");
        Map<String, Long> after = byRelation(dsl);
        System.out.printf("%d %% changed, growth per relation:%n", changedPercent);
        after.forEach((relation, size) -> {
            long grown = size - before.getOrDefault(relation, 0L);
            if (grown != 0) {
                System.out.printf(
                        "  %-26s %11d bytes %8.3f B/obs%n", relation, grown, (double) grown / ACCOUNTS / (POLLS - 2));
            }
        });
        long compact = bytes(dsl, COMPACT) - compactBefore;
        long perPoll = bytes(dsl, PER_POLL) - perPollBefore;
        double yearly = 10_000.0 * 288 * 365;
        return String.format(
                "%-9s %14.2f %14.2f %12.2f %12.2f",
                changedPercent + " %",
                (double) compact / observations,
                (double) perPoll / observations,
                compact * yearly / observations / 1e9,
                perPoll * yearly / observations / 1e9);
    }

    /** Lowers {@code changedPercent}% of the balances by 1.00 for this poll; returns which. */
    private static List<Integer> change(List<BalanceObservation> balances, int poll, int changedPercent) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < balances.size(); i++) {
            if (Math.floorMod(i * 7919 + poll * 104_729, 100) < changedPercent) {
                BalanceObservation before = balances.get(i);
                Money now = before.balances().available().minus(Money.parse("1.00", "USD"));
                balances.set(i, BalanceObservation.of(before.account(), Balances.available(now)));
                changed.add(i);
            }
        }
        return changed;
    }

    private static void copyPerPoll(
            DSLContext dsl, List<BalanceObservation> balances, List<Integer> changed, long pollId, Instant... at) {
        String[] ids = balances.stream().map(b -> b.account().id().value()).toArray(String[]::new);
        String[] amounts = balances.stream()
                .map(b -> b.balances().available().toPlainString())
                .toArray(String[]::new);
        dsl.execute("""
                INSERT INTO per_poll_snapshot (account_id, observed_at, poll_id, currency, available)
                SELECT t.id, ?::timestamptz, ?, 'USD', t.amount::numeric
                FROM unnest(?::text[], ?::text[]) AS t(id, amount)
                """, at[0].toString(), pollId, ids, amounts);
        if (!changed.isEmpty()) {
            String[] changedIds = changed.stream().map(i -> ids[i]).toArray(String[]::new);
            String[] changedAmounts = changed.stream().map(i -> amounts[i]).toArray(String[]::new);
            dsl.execute("""
                    INSERT INTO per_poll_change (account_id, observed_at, poll_id, previous_observed_at, currency,
                                                 previous_available, available, change, significant)
                    SELECT t.id, ?::timestamptz, ?, ?::timestamptz, 'USD', t.amount::numeric + 1, t.amount::numeric,
                           -1, TRUE
                    FROM unnest(?::text[], ?::text[]) AS t(id, amount)
                    """, at[0].toString(), pollId, at[1].toString(), changedIds, changedAmounts);
        }
    }

    /** Bytes of each table (heap and TOAST) and of each index, partitions summed into their parent. */
    static Map<String, Long> byRelation(DSLContext dsl) {
        Map<String, Long> sizes = new TreeMap<>();
        dsl.fetch("""
                SELECT COALESCE(p.relname, c.relname) AS name,
                       sum(CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) ELSE pg_relation_size(c.oid) END)
                FROM pg_class c
                LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
                LEFT JOIN pg_class p ON p.oid = i.inhparent
                WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace
                GROUP BY 1
                """).forEach(r -> sizes.put(r.get(0, String.class), r.get(1, Long.class)));
        return sizes;
    }

    /** Heap, indexes and TOAST of the tables named, partitions included. */
    static long bytes(DSLContext dsl, String tables) {
        return dsl.fetchOne("""
                SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)
                FROM pg_class c
                WHERE c.relkind = 'r' AND (c.relname = ANY (%s) OR EXISTS (
                    SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                    WHERE i.inhrelid = c.oid AND p.relname = ANY (%s)))
                """.formatted(tables, tables)).get(0, Long.class);
    }
}
