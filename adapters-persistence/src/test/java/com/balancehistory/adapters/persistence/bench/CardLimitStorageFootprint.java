package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.adapters.persistence.AhrvoPolls;
import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Bytes on disk per logical card-limit observation (one card and period in one poll), as the store records card
 * limits beside the per-poll form of the same polls (V1's {@code card_limit_snapshot} rows, copied into
 * {@code per_poll_card_limit}). Every poll goes through the real store: 1,000 cards with their four periods, polled
 * every 5 minutes, {@code changed}% of the readings changing per poll, one failed poll among the measured ones, after
 * warm-up polls as in {@link StorageFootprint}. The poll ledger and the latest limits are counted in both forms.
 * Arguments: the change percentages to measure (default 0 1 10 100).
 */
public final class CardLimitStorageFootprint {

    private static final int CARDS = 1_000;
    private static final int POLLS = 96;
    private static final List<LimitPeriod> PERIODS = List.of(LimitPeriod.values());
    private static final String SHARED = "'poll_source_result', 'poll_run', 'latest_card_limit', 'source_balance_poll'";
    private static final String COMPACT = "ARRAY['card_limit_run', 'card_limit_late_snapshot', " + SHARED + "]";
    private static final String PER_POLL = "ARRAY['per_poll_card_limit', " + SHARED + "]";

    private CardLimitStorageFootprint() {}

    public static void main(String[] args) throws Exception {
        int[] rates = args.length == 0
                ? new int[] {0, 1, 10, 100}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<String> lines = new ArrayList<>();
        for (int changed : rates) {
            lines.add(measure(changed));
        }
        System.out.printf("%-9s %14s %14s%n", "changed", "compact B/obs", "per-poll B/obs");
        lines.forEach(System.out::println);
    }

    private static String measure(int changedPercent) throws Exception {
        TestDatabase db = TestDatabase.get().sibling();
        DSLContext dsl = DSL.using(db.connect(), SQLDialect.POSTGRES);
        dsl.execute("""
                CREATE TABLE per_poll_card_limit (
                    account_id       VARCHAR(200)   NOT NULL,
                    period           VARCHAR(16)    NOT NULL,
                    observed_at      TIMESTAMPTZ    NOT NULL,
                    poll_id          BIGINT         NOT NULL,
                    currency         VARCHAR(3)     NOT NULL,
                    remaining        NUMERIC(24, 4) NOT NULL,
                    configured_total NUMERIC(24, 4),
                    PRIMARY KEY (account_id, period, observed_at, poll_id))""");
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        long[][] remainingCents = new long[CARDS][PERIODS.size()];
        for (int c = 0; c < CARDS; c++) {
            for (int p = 0; p < PERIODS.size(); p++) {
                remainingCents[c][p] = 100_000L * (p + 1) + c;
            }
        }
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        record(store, remainingCents, at);
        int warmUp = changedPercent == 0 ? 0 : 300 / changedPercent;
        for (int poll = 1; poll <= warmUp; poll++) {
            at = at.plusSeconds(300);
            change(remainingCents, poll, changedPercent);
            record(store, remainingCents, at);
        }
        dsl.execute("VACUUM (ANALYZE)");
        Map<String, Long> before = StorageFootprint.byRelation(dsl);
        long compactBefore = StorageFootprint.bytes(dsl, COMPACT);
        long perPollBefore = StorageFootprint.bytes(dsl, PER_POLL);
        long observations = 0;
        for (int poll = warmUp + 1; poll < warmUp + POLLS; poll++) {
            at = at.plusSeconds(300);
            if (poll == warmUp + POLLS / 2) { // the day's failed poll: a gap, nothing written in either form
                long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
                store.recordSource(
                        AhrvoPolls.recorded(pollId, at, AhrvoPolls.unavailable("cards", "GET /cards", List.of())));
                continue;
            }
            change(remainingCents, poll, changedPercent);
            long pollId = record(store, remainingCents, at);
            copyPerPoll(dsl, remainingCents, pollId, at);
            observations += (long) CARDS * PERIODS.size();
        }
        dsl.execute("VACUUM (ANALYZE)");
        Map<String, Long> after = StorageFootprint.byRelation(dsl);
        System.out.printf("%d %% changed, growth per relation:%n", changedPercent);
        long perRelation = observations;
        after.forEach((relation, size) -> {
            long grown = size - before.getOrDefault(relation, 0L);
            if (grown != 0) {
                System.out.printf("  %-30s %11d bytes %8.3f B/obs%n", relation, grown, (double) grown / perRelation);
            }
        });
        long compact = StorageFootprint.bytes(dsl, COMPACT) - compactBefore;
        long perPoll = StorageFootprint.bytes(dsl, PER_POLL) - perPollBefore;
        return String.format(
                "%-9s %14.2f %14.2f",
                changedPercent + " %", (double) compact / observations, (double) perPoll / observations);
    }

    /** Lowers {@code changedPercent}% of the card and period readings by 1.00 for this poll. */
    private static void change(long[][] remainingCents, int poll, int changedPercent) {
        for (int c = 0; c < CARDS; c++) {
            for (int p = 0; p < PERIODS.size(); p++) {
                if (Math.floorMod((c * PERIODS.size() + p) * 7919 + poll * 104_729, 100) < changedPercent) {
                    remainingCents[c][p] -= 100;
                }
            }
        }
    }

    private static long record(JooqSnapshotStore store, long[][] remainingCents, Instant at) {
        List<CardLimitObservation> limits = new ArrayList<>(CARDS);
        for (int c = 0; c < CARDS; c++) {
            Account card = Account.of(
                    "cards",
                    ProviderType.AHRVO,
                    AccountKind.CARD_SPENDING_LIMIT,
                    "card" + c,
                    "card" + c,
                    CurrencyCodes.require("USD"));
            Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
            for (int p = 0; p < PERIODS.size(); p++) {
                remaining.put(PERIODS.get(p), Money.of(java.math.BigDecimal.valueOf(remainingCents[c][p], 2), "USD"));
            }
            limits.add(new CardLimitObservation(card, remaining));
        }
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        store.recordSource(AhrvoPolls.recorded(
                pollId, at, new FetchResult.Fetched("cards", List.of(), limits, List.of(), Set.of(), List.of())));
        return pollId;
    }

    private static void copyPerPoll(DSLContext dsl, long[][] remainingCents, long pollId, Instant at) {
        List<String> ids = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (int c = 0; c < CARDS; c++) {
            for (int p = 0; p < PERIODS.size(); p++) {
                ids.add("cards.card-limit.card" + c);
                periods.add(PERIODS.get(p).apiName());
                amounts.add(Money.of(java.math.BigDecimal.valueOf(remainingCents[c][p], 2), "USD")
                        .toPlainString());
            }
        }
        dsl.execute(
                """
                INSERT INTO per_poll_card_limit (account_id, period, observed_at, poll_id, currency, remaining)
                SELECT t.id, t.period, ?::timestamptz, ?, 'USD', t.amount::numeric
                FROM unnest(?::text[], ?::text[], ?::text[]) AS t(id, period, amount)
                """,
                at.toString(),
                pollId,
                ids.toArray(String[]::new),
                periods.toArray(String[]::new),
                amounts.toArray(String[]::new));
    }
}
