package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Card limits are kept as runs of identical readings, as balances are. Random poll sequences (limits that stay,
 * change, reset, cards and periods missing and back, failed polls, configured totals changed, polls recorded after a
 * newer one, two instances taking turns) recorded through the store must answer exactly as one row per card, period
 * and poll did: {@code analytics.card_limits}, the latest limits and the limits of a report as of a time. The
 * per-poll answers are computed here from the polls themselves.
 */
class CardLimitRunsEquivalenceIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dslOnOneConnection();
    private static final Instant START = Instant.parse("2026-11-30T23:30:00Z"); // the polls cross a month's end
    private static final List<String> CARDS = List.of("c1", "c2", "c3");

    /** One poll: empty readings when the whole source failed; {@code dailyTotal} is c1's configured daily total. */
    record Poll(Optional<Map<String, Map<LimitPeriod, String>>> readings, Optional<String> dailyTotal, boolean late) {}

    /** One row of the per-poll form. */
    record Row(String card, String period, Instant observedAt, long pollId, String remaining, String total) {}

    @Property(tries = 25)
    void card_limit_runs_answer_as_one_row_per_card_period_and_poll_did(
            @ForAll("pollSequences") List<Poll> polls, @ForAll boolean twoInstances) {
        String source = "cl-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<Optional<String>> dailyTotal = new AtomicReference<>(Optional.empty());
        List<JooqSnapshotStore> stores = List.of(newStore(dailyTotal), newStore(dailyTotal));
        long[] pollIds = new long[polls.size()];
        for (int i = 0; i < polls.size(); i++) {
            pollIds[i] = stores.get(0).openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at(i));
        }
        List<Row> expected = new ArrayList<>();
        List<Row> recordedAsNewest = new ArrayList<>();
        List<Integer> order = CompactHistoryEquivalenceIT.recordingOrderOfLate(
                polls.stream().map(Poll::late).toList());
        for (int step = 0; step < order.size(); step++) {
            int i = order.get(step);
            Poll poll = polls.get(i);
            dailyTotal.set(poll.dailyTotal());
            stores.get(twoInstances ? step % 2 : 0).recordSource(record(source, pollIds[i], at(i), poll));
            // a failed poll records no readings, so a poll recorded after it is still its source's newest
            boolean newest = order.subList(0, step).stream()
                    .noneMatch(j -> j > i && polls.get(j).readings().isPresent());
            List<Row> rows = rows(source, poll, at(i), pollIds[i]);
            expected.addAll(rows);
            if (newest) {
                recordedAsNewest.addAll(rows);
            }
        }
        expected.sort(Comparator.comparing(Row::card)
                .thenComparing(Row::period)
                .thenComparing(Row::observedAt)
                .thenComparing(Row::pollId));

        assertThat(storedRows(source)).isEqualTo(expected);
        // a poll recorded after a newer one is history, but never the latest value (as for balances)
        assertThat(storedLatest(source)).isEqualTo(newestOf(recordedAsNewest));
        for (int i = 0; i < polls.size(); i++) {
            Instant asOf = at(i).plusSeconds(30);
            assertThat(storedAsOf(source, asOf))
                    .as("as of %s", asOf)
                    .isEqualTo(newestOf(expected.stream()
                            .filter(r -> !r.observedAt().isAfter(asOf))
                            .toList()));
        }
    }

    @Test
    void limits_read_again_unchanged_store_no_history_until_they_change() {
        String source = "cl-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<Optional<String>> noTotal = new AtomicReference<>(Optional.empty());
        JooqSnapshotStore store = newStore(noTotal);
        Map<String, Map<LimitPeriod, String>> same = Map.of("c1", Map.of(LimitPeriod.DAILY, "100.00"));
        for (int i = 0; i < 10; i++) {
            long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at(i));
            store.recordSource(record(source, pollId, at(i), new Poll(Optional.of(same), Optional.empty(), false)));
        }
        assertThat(closedRuns(source)).isZero();
        assertThat(storedRows(source)).hasSize(10);

        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at(10));
        store.recordSource(record(
                source,
                pollId,
                at(10),
                new Poll(Optional.of(Map.of("c1", Map.of(LimitPeriod.DAILY, "60.00"))), Optional.empty(), false)));
        assertThat(closedRuns(source))
                .as("the ten readings of 100.00 closed as one run")
                .isEqualTo(1);
        assertThat(storedRows(source)).hasSize(11);
    }

    @Provide
    Arbitrary<List<Poll>> pollSequences() {
        Arbitrary<Map<LimitPeriod, String>> limits = Arbitraries.maps(
                        Arbitraries.of(LimitPeriod.DAILY, LimitPeriod.MONTHLY),
                        Arbitraries.of("100.00", "100.00", "100.00", "40.50", "0.00"))
                .ofMinSize(1)
                .ofMaxSize(2)
                .map(m -> new TreeMap<>(m));
        Arbitrary<Map<String, Map<LimitPeriod, String>>> readings = Arbitraries.maps(Arbitraries.of(CARDS), limits)
                .ofMinSize(0)
                .ofMaxSize(3)
                .map(m -> new TreeMap<>(m));
        Arbitrary<Optional<String>> total = Arbitraries.of("none", "200.00", "200.00", "250.00")
                .map(t -> Optional.of(t).filter(v -> !v.equals("none")));
        Arbitrary<Poll> ok = Combinators.combine(readings, total, Arbitraries.of(false, false, false, false, true))
                .as((r, t, late) -> new Poll(Optional.of(r), t, late));
        Arbitrary<Poll> failed =
                Arbitraries.of(true, false).map(late -> new Poll(Optional.empty(), Optional.empty(), late));
        return Arbitraries.frequencyOf(Tuple.of(6, ok), Tuple.of(1, failed))
                .list()
                .ofMinSize(1)
                .ofMaxSize(14);
    }

    private static Instant at(int i) {
        return START.plusSeconds(300L * i);
    }

    private static JooqSnapshotStore newStore(AtomicReference<Optional<String>> dailyTotal) {
        CardLimitTotals totals = card -> card.externalId().equals("c1")
                ? dailyTotal
                        .get()
                        .map(t -> Map.of(LimitPeriod.DAILY, Money.parse(t, "USD")))
                        .orElse(Map.of())
                : Map.of();
        return new JooqSnapshotStore(DSL_CONTEXT, ChangeDetector.defaults(), totals);
    }

    private static Account card(String source, String card) {
        return Account.of(
                source,
                ProviderType.AHRVO,
                AccountKind.CARD_SPENDING_LIMIT,
                card,
                "Card " + card,
                CurrencyCodes.require("USD"));
    }

    private static SourcePollRecord record(String source, long pollId, Instant at, Poll poll) {
        List<RawResponse> raw = List.of(new RawResponse("GET /cards", 200, "{}"));
        if (poll.readings().isEmpty()) {
            return AhrvoPolls.recorded(pollId, at, AhrvoPolls.unavailable(source, "GET /cards", raw));
        }
        List<CardLimitObservation> limits = new ArrayList<>();
        poll.readings().get().forEach((card, byPeriod) -> {
            Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
            byPeriod.forEach((period, amount) -> remaining.put(period, Money.parse(amount, "USD")));
            limits.add(new CardLimitObservation(card(source, card), remaining));
        });
        return AhrvoPolls.recorded(
                pollId, at, new FetchResult.Fetched(source, List.of(), limits, List.of(), Set.of(), raw));
    }

    private static List<Row> rows(String source, Poll poll, Instant at, long pollId) {
        List<Row> rows = new ArrayList<>();
        poll.readings()
                .ifPresent(readings -> readings.forEach((card, byPeriod) -> byPeriod.forEach((period, amount) -> {
                    String total = card.equals("c1") && period == LimitPeriod.DAILY
                            ? poll.dailyTotal()
                                    .map(t -> scaled(new BigDecimal(t)))
                                    .orElse(null)
                            : null;
                    rows.add(new Row(
                            card(source, card).id().value(),
                            period.apiName(),
                            at,
                            pollId,
                            scaled(new BigDecimal(amount)),
                            total));
                })));
        return rows;
    }

    /** Per card and period, its newest row (by time, then poll). */
    private static Map<String, String> newestOf(List<Row> rows) {
        Map<String, String> newest = new TreeMap<>();
        rows.stream()
                .sorted(Comparator.comparing(Row::observedAt).thenComparing(Row::pollId))
                .forEach(r -> newest.put(
                        r.card() + "|" + r.period(), r.remaining() + "/" + r.total() + "@" + r.observedAt()));
        return newest;
    }

    private static String scaled(BigDecimal amount) {
        return amount == null
                ? null
                : amount.setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<Row> storedRows(String source) {
        return DSL_CONTEXT
                .fetch(
                        "SELECT account_id, period, observed_at, poll_id, remaining, configured_total"
                                + " FROM analytics.card_limits WHERE source = ?"
                                + " ORDER BY account_id, period, observed_at, poll_id",
                        source)
                .map(r -> new Row(
                        r.get(0, String.class),
                        r.get(1, String.class),
                        r.get(2, OffsetDateTime.class).toInstant(),
                        r.get(3, Long.class),
                        scaled(r.get(4, BigDecimal.class)),
                        scaled(r.get(5, BigDecimal.class))));
    }

    private static Map<String, String> storedLatest(String source) {
        Map<String, String> latest = new TreeMap<>();
        DSL_CONTEXT
                .fetch(
                        "SELECT l.account_id, l.period, l.remaining, l.configured_total, l.observed_at"
                                + " FROM latest_card_limit l JOIN account a ON a.id = l.account_id WHERE a.source = ?",
                        source)
                .forEach(r -> latest.put(
                        r.get(0, String.class) + "|" + r.get(1, String.class),
                        scaled(r.get(2, BigDecimal.class)) + "/" + scaled(r.get(3, BigDecimal.class)) + "@"
                                + r.get(4, OffsetDateTime.class).toInstant()));
        return latest;
    }

    private static Map<String, String> storedAsOf(String source, Instant asOf) {
        Map<String, String> limits = new TreeMap<>();
        for (AsOfSnapshots.CardLimitValue value :
                new JooqAsOfSnapshots(DSL_CONTEXT).at(asOf).cardLimits()) {
            if (value.source().equals(source)) {
                limits.put(
                        value.accountId() + "|" + value.period().apiName(),
                        scaled(value.remaining().amount()) + "/"
                                + value.total().map(t -> scaled(t.amount())).orElse(null) + "@" + value.observedAt());
            }
        }
        return limits;
    }

    private static long closedRuns(String source) {
        return ((Number) DSL_CONTEXT.fetchValue(
                        "SELECT count(*) FROM card_limit_run r JOIN account a ON a.account_key = r.account_key"
                                + " WHERE a.source = ?",
                        source))
                .longValue();
    }
}
