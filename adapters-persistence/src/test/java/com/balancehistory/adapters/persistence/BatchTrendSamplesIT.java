package com.balancehistory.adapters.persistence;

import static com.balancehistory.adapters.persistence.CompactHistoryFixture.POLLS;
import static com.balancehistory.adapters.persistence.CompactHistoryFixture.START;
import static com.balancehistory.adapters.persistence.CompactHistoryFixture.accountId;
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
    private static final CompactHistoryFixture HISTORY = new CompactHistoryFixture(DSL_CONTEXT);
    private static final int ACCOUNTS = 5;
    private static final Currency USD = Currency.getInstance("USD");

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
     * Writes one source's random history in the compact form, as the store writes it ({@link CompactHistoryFixture}):
     * a balance keeps its value most of the time, else falls, and now and then is topped up. The last account goes for
     * good at a random poll.
     */
    private static void generate(String source, Random random) {
        int goneFrom = POLLS / 3 + random.nextInt(POLLS);
        HISTORY.write(source, ACCOUNTS, goneFrom, random, BatchTrendSamplesIT::fallsAndTopUps);
    }

    /** A value between 500.00 and 1500.00 at first, then changed one sighting in a few: nine falls to a top-up. */
    private static CompactHistoryFixture.Evolution fallsAndTopUps(Random random) {
        int changeOdds = 2 + random.nextInt(20);
        return (previous, r) -> {
            if (previous == null) {
                return BigDecimal.valueOf(50_000 + r.nextInt(100_000), 2)
                        .setScale(4)
                        .toPlainString();
            }
            if (r.nextInt(changeOdds) != 0) {
                return previous;
            }
            int draw = r.nextInt(10);
            BigDecimal step = BigDecimal.valueOf(1 + r.nextInt(5_000), 2);
            BigDecimal value = new BigDecimal(previous);
            return (draw == 0 ? value.add(step.multiply(BigDecimal.TEN)) : value.subtract(step))
                    .setScale(4)
                    .toPlainString();
        };
    }
}
