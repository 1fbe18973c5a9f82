package com.balancehistory.adapters.persistence;

import static com.balancehistory.adapters.persistence.CompactHistoryFixture.POLLS;
import static com.balancehistory.adapters.persistence.CompactHistoryFixture.accountId;
import static com.balancehistory.adapters.persistence.CompactHistoryFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.CompactHistoryFixture.Seen;
import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The history route's raw points, read from the runs and the poll ledger, over long random poll sequences: each
 * answer must be what the per-poll form held and what the generated per-sighting view ({@code balance_snapshot},
 * which served the route before) answers. The compact form is written here directly, as the store writes it (runs
 * of one value at consecutive sightings, closed by a change or a sighting without the account; the run reaching the
 * source's newest sighting open in the latest row; polls recorded late per poll), so that 50 sequences of 200 polls
 * take seconds; {@code CompactHistoryEquivalenceIT} checks the store's own recording on shorter ones.
 */
class RawPointsFromRunsIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dslOnOneConnection();
    private static final CompactHistoryFixture HISTORY = new CompactHistoryFixture(DSL_CONTEXT);
    private static final int ACCOUNTS = 4;
    private static final String[] VALUES = {"10.0000", "12.5000", "0.0000", "-3.2500"};

    @Test
    void raw_points_from_the_runs_are_the_per_poll_rows_and_the_generated_views_answer() {
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-11-01");
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-12-01");
        JooqBalanceReadModel readModel = new JooqBalanceReadModel(DSL_CONTEXT);
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            String source = "runs-" + UUID.randomUUID().toString().substring(0, 8);
            // each sighting shows an account's previous value nine times in ten; no account goes
            List<Seen> perPoll = HISTORY.write(
                    source,
                    ACCOUNTS,
                    POLLS,
                    random,
                    r -> (previous, next) ->
                            previous == null || next.nextInt(10) == 0 ? VALUES[next.nextInt(VALUES.length)] : previous);
            for (int a = 0; a < ACCOUNTS; a++) {
                AccountId account = new AccountId(accountId(source, a));
                int ofAccount = a;
                List<Seen> rows =
                        perPoll.stream().filter(s -> s.account() == ofAccount).toList();
                assertWindow(readModel, account, rows, 0, POLLS, 10_000, seed);
                assertWindow(readModel, account, rows, 0, POLLS, 7, seed);
                for (int w = 0; w < 12; w++) {
                    int first = random.nextInt(POLLS);
                    int last = first + 1 + random.nextInt(POLLS / 3);
                    assertWindow(readModel, account, rows, first, last, 10_000, seed);
                }
            }
        }
    }

    /**
     * The window {@code [poll first, poll last)}, its ends moved by a second now and then (between two polls), as
     * points, count, and as the generated view has them.
     */
    private static void assertWindow(
            JooqBalanceReadModel readModel,
            AccountId account,
            List<Seen> rows,
            int first,
            int last,
            int limit,
            long seed) {
        Instant from = at(first).plusSeconds(first % 3 == 0 ? 1 : 0);
        Instant to = at(last).minusSeconds(last % 2);
        List<String> expected = rows.stream()
                .filter(s -> !at(s.poll()).isBefore(from) && at(s.poll()).isBefore(to))
                .map(s -> at(s.poll()) + " " + s.available())
                .limit(limit)
                .toList();
        String what = "seed " + seed + ", " + account.value() + " in [" + from + ", " + to + "), limit " + limit;
        assertThat(points(readModel.availableHistory(account, from, to, limit)))
                .as(what)
                .isEqualTo(expected);
        assertThat(DSL_CONTEXT
                        .fetch("""
                        SELECT observed_at, available FROM balance_snapshot
                        WHERE account_id = ? AND observed_at >= ?::timestamptz AND observed_at < ?::timestamptz
                        ORDER BY observed_at, poll_id LIMIT ?
                        """, account.value(), from.toString(), to.toString(), limit)
                        .map(r -> r.get(0, OffsetDateTime.class).toInstant() + " "
                                + r.get(1, BigDecimal.class).toPlainString()))
                .as("the generated view, " + what)
                .isEqualTo(expected);
        if (limit == 10_000) {
            assertThat(readModel.countSnapshots(account, from, to)).as(what).isEqualTo(expected.size());
        }
    }

    private static List<String> points(List<BalancePoint> points) {
        return points.stream()
                .map(p -> p.at() + " " + p.balance().amount().setScale(4).toPlainString())
                .toList();
    }
}
