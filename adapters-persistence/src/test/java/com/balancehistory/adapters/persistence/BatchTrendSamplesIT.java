package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.application.service.query.QuerySettings;
import com.balancehistory.application.service.query.TrendWindow;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalanceTrend;
import com.balancehistory.domain.analytics.Runway;
import com.balancehistory.domain.analytics.TrendSettings;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;

/**
 * The trends read for many accounts at once ({@link TrendWindow#ofAll}, from the runs in summary) against the trend
 * read account by account ({@link TrendWindow#of}, every sample), over random compact histories: balances that fall,
 * repeat and are topped up, polls that fail or are recorded late, accounts missing from a poll or gone, and windows
 * whose ends fall on a poll, between polls, before the first and after the last. Change, burn, forecast, first and
 * last point, and the runway and top-up made from them must be the same, including the minimum number of points,
 * which the batch judges by the true number of samples.
 */
class BatchTrendSamplesIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dslOnOneConnection();
    private static final Instant START = Instant.parse("2026-11-29T20:00:00Z"); // the polls cross a month's end
    private static final int POLLS = 200;
    private static final int ACCOUNTS = 5;
    private static final int GONE = ACCOUNTS - 1;
    private static final Currency USD = Currency.getInstance("USD");

    enum Outcome {
        SIGHTING,
        FAILED,
        LATE
    }

    /** What a successful poll saw of one account. */
    record Seen(int account, int poll, long pollId, String available) {}

    @Test
    void the_batch_trend_is_the_trend_read_account_by_account() {
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-11-01");
        DSL_CONTEXT.execute("SELECT ensure_snapshot_partitions(?::date)", "2026-12-01");
        JooqBalanceReadModel readModel = new JooqBalanceReadModel(DSL_CONTEXT);
        List<AccountId> everyAccount = new ArrayList<>();
        int compared = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            String source = "trend-" + UUID.randomUUID().toString().substring(0, 8);
            generate(source, random);
            List<AccountId> accounts = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                accounts.add(new AccountId(accountId(source, a)));
            }
            accounts.add(new AccountId(source + ".budget.never-seen"));
            everyAccount.addAll(accounts);
            for (int w = 0; w < 15; w++) {
                QuerySettings settings = settings(random);
                Instant now = START.plusSeconds(random.nextInt(300 * (POLLS + 10)) - 600L);
                if (random.nextBoolean()) {
                    now = START.plusSeconds(300L * random.nextInt(POLLS)); // on a poll
                }
                if (random.nextInt(5) == 0) {
                    now = now.plusNanos(1 + random.nextInt(999_999_999));
                }
                Duration window = random.nextInt(6) == 0
                        ? Duration.ofDays(30)
                        : Duration.ofSeconds(300L * (1 + random.nextInt(POLLS / 2)) - (w % 2));
                compared += assertSame(
                        readModel,
                        settings,
                        random.nextBoolean() ? accounts : everyAccount,
                        window,
                        now,
                        "seed " + seed + ", window " + window + " to " + now + ", " + settings.trend());
            }
        }
        assertThat(compared).as("trends with a burn compared").isGreaterThan(500);
    }

    private static int assertSame(
            JooqBalanceReadModel readModel,
            QuerySettings settings,
            List<AccountId> accounts,
            Duration window,
            Instant now,
            String what) {
        Map<AccountId, BalanceTrend> batch = TrendWindow.ofAll(readModel, settings, accounts, window, now);
        assertThat(batch.keySet()).as(what).containsExactlyElementsOf(accounts);
        int withBurn = 0;
        for (AccountId account : accounts) {
            BalanceTrend expected = TrendWindow.of(readModel, settings, account, window, now);
            BalanceTrend actual = batch.get(account);
            String about = what + ", " + account.value();
            assertThat(actual.change()).as(about).isEqualTo(expected.change());
            assertThat(actual.percentChange()).as(about).isEqualTo(expected.percentChange());
            assertThat(actual.averageDailyBurn()).as(about).isEqualTo(expected.averageDailyBurn());
            assertThat(actual.averageDailyBurn().map(Money::amount).map(BigDecimal::scale))
                    .as(about)
                    .isEqualTo(expected.averageDailyBurn().map(Money::amount).map(BigDecimal::scale));
            assertThat(actual.depletion()).as(about).isEqualTo(expected.depletion());
            assertThat(actual.first()).as(about).isEqualTo(expected.first());
            assertThat(actual.last()).as(about).isEqualTo(expected.last());
            Money balance = Money.of(new BigDecimal("40.00"), USD);
            assertThat(Runway.of(balance, now, actual, Duration.ofDays(14)))
                    .as(about)
                    .isEqualTo(Runway.of(balance, now, expected, Duration.ofDays(14)));
            withBurn += expected.averageDailyBurn().isPresent() ? 1 : 0;
        }
        return withBurn;
    }

    /** The minimum points and span vary, so the true sample count decides as often as the span does. */
    private static QuerySettings settings(Random random) {
        QuerySettings defaults = QuerySettings.defaults();
        TrendSettings trend = new TrendSettings(
                2 + random.nextInt(random.nextBoolean() ? 3 : 40), Duration.ofMinutes(30L * (1 + random.nextInt(4))));
        return new QuerySettings(
                defaults.healthScale(),
                defaults.lowBalance(),
                trend,
                defaults.intervals(),
                defaults.maxRawPoints(),
                defaults.maxBuckets(),
                defaults.maxTrendWindow());
    }

    /**
     * Writes one source's random history in the compact form, as the store writes it. Polls: one in 15 failed, one in
     * 12 recorded late (no sighting, rows kept per poll), the rest sightings. Each sighting sees an account nine times
     * in ten; a balance keeps its value most of the time, else falls, and now and then is topped up. The last account
     * goes for good at a random poll.
     */
    private static void generate(String source, Random random) {
        List<Query> writes = new ArrayList<>();
        int goneFrom = POLLS / 3 + random.nextInt(POLLS);
        for (int a = 0; a < ACCOUNTS; a++) {
            boolean gone = a == GONE && goneFrom < POLLS;
            writes.add(DSL_CONTEXT.query(
                    """
                    INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at,
                                         gone_at)
                    VALUES (?, ?, 'ahrvo', 'budget', ?, ?, 'USD', ?::timestamptz, ?::timestamptz)
                    """,
                    accountId(source, a),
                    source,
                    "b" + a,
                    "Budget " + a,
                    START.toString(),
                    gone ? at(goneFrom).toString() : null));
        }
        Outcome[] outcomes = new Outcome[POLLS];
        long[] pollIds = DSL_CONTEXT
                .fetch("SELECT nextval(pg_get_serial_sequence('poll_run', 'id')) FROM generate_series(1, ?)", POLLS)
                .getValues(0, Long.class)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        for (int p = 0; p < POLLS; p++) {
            int draw = random.nextInt(60);
            outcomes[p] = draw < 4 ? Outcome.FAILED : draw < 9 && p + 1 < POLLS ? Outcome.LATE : Outcome.SIGHTING;
            writes.add(DSL_CONTEXT.query(
                    "INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE"
                            + " VALUES (?, 'schedule', ?::timestamptz, ?::timestamptz)",
                    pollIds[p],
                    at(p).toString(),
                    at(p).toString()));
        }
        List<Seen> perPoll = new ArrayList<>();
        BigDecimal[] value = new BigDecimal[ACCOUNTS];
        int changeOdds = 2 + random.nextInt(20);
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.FAILED) {
                continue;
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                if (random.nextInt(10) == 0 || (a == GONE && p >= goneFrom)) {
                    continue; // not returned by this poll
                }
                if (value[a] == null) {
                    value[a] = BigDecimal.valueOf(50_000 + random.nextInt(100_000), 2);
                } else if (random.nextInt(changeOdds) == 0) {
                    int draw = random.nextInt(10);
                    BigDecimal step = BigDecimal.valueOf(1 + random.nextInt(5_000), 2);
                    value[a] = draw == 0 ? value[a].add(step.multiply(BigDecimal.TEN)) : value[a].subtract(step);
                }
                perPoll.add(new Seen(a, p, pollIds[p], value[a].setScale(4).toPlainString()));
            }
        }
        int newestSighting = -1;
        for (int p = 0; p < POLLS; p++) {
            boolean sighting = outcomes[p] == Outcome.SIGHTING;
            newestSighting = sighting ? p : newestSighting;
            writes.add(DSL_CONTEXT.query(
                    """
                    INSERT INTO poll_source_result (poll_id, source, provider, outcome, accounts_seen, rows_written,
                                                    started_at, finished_at, balances_recorded)
                    VALUES (?, ?, 'ahrvo', ?, 0, 0, ?::timestamptz, ?::timestamptz, ?)
                    """,
                    pollIds[p],
                    source,
                    outcomes[p] == Outcome.FAILED ? "failed" : "ok",
                    at(p).toString(),
                    at(p).toString(),
                    sighting));
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            writeRuns(writes, source, a, perPoll, outcomes, pollIds, newestSighting);
        }
        DSL_CONTEXT.batch(writes).execute();
    }

    /**
     * The account's runs over the sightings, its open run as its latest row (else a latest row that no longer follows
     * its source), and its rows of late polls.
     */
    private static void writeRuns(
            List<Query> writes,
            String source,
            int account,
            List<Seen> perPoll,
            Outcome[] outcomes,
            long[] pollIds,
            int newestSighting) {
        String id = accountId(source, account);
        String[] seenAt = new String[POLLS];
        perPoll.stream().filter(s -> s.account() == account).forEach(s -> seenAt[s.poll()] = s.available());
        int runStart = -1;
        int runEnd = -1;
        String runValue = null;
        int lastEnd = -1;
        String lastValue = null;
        for (int p = 0; p < POLLS; p++) {
            if (outcomes[p] == Outcome.LATE && seenAt[p] != null) {
                writes.add(DSL_CONTEXT.query("""
                        INSERT INTO balance_late_snapshot (account_key, observed_at, poll_id, currency, available)
                        SELECT account_key, ?::timestamptz, ?, 'USD', ?::numeric FROM account WHERE id = ?
                        """, at(p).toString(), pollIds[p], seenAt[p], id));
            }
            if (outcomes[p] != Outcome.SIGHTING) {
                continue;
            }
            if (runValue != null && !runValue.equals(seenAt[p])) {
                writes.add(closedRun(id, runStart, runEnd, runValue));
                lastEnd = runEnd;
                lastValue = runValue;
                runValue = null;
            }
            if (seenAt[p] != null) {
                if (runValue == null) {
                    runStart = p;
                    runValue = seenAt[p];
                }
                runEnd = p;
            }
        }
        if (runValue != null && runEnd == newestSighting) {
            writes.add(latestRow(id, pollIds[runStart], runStart, runValue, true));
            return;
        }
        if (runValue != null) {
            writes.add(closedRun(id, runStart, runEnd, runValue));
            writes.add(latestRow(id, pollIds[runEnd], runEnd, runValue, false));
        } else if (lastValue != null) {
            writes.add(latestRow(id, pollIds[lastEnd], lastEnd, lastValue, false));
        }
    }

    private static Query latestRow(String id, long pollId, int poll, String value, boolean follows) {
        return DSL_CONTEXT.query("""
                INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available, follows_source_poll)
                VALUES (?, ?, ?::timestamptz, 'USD', ?::numeric, ?)
                """, id, pollId, at(poll).toString(), value, follows);
    }

    private static Query closedRun(String id, int first, int last, String value) {
        return DSL_CONTEXT.query("""
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT account_key, ?::timestamptz, ?::timestamptz, 'USD', ?::numeric FROM account WHERE id = ?
                """, at(first).toString(), at(last).toString(), value, id);
    }

    private static String accountId(String source, int account) {
        return source + ".budget.b" + account;
    }

    private static Instant at(int poll) {
        return START.plusSeconds(300L * poll);
    }
}
