package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqAsOfBalanceReadModel;
import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jooq.DSLContext;

/**
 * Random poll sequences (changes, repeats, failed polls, accounts missing and back, renames, currencies, polls
 * recorded after a newer one, two instances taking turns) recorded through the store, whose compact history must
 * answer exactly as the per-poll form did: one snapshot per account and successful poll, and everything derived
 * from them. The per-poll answers are computed here from the polls themselves.
 */
class CompactHistoryEquivalenceIT {

    // one connection for the thousands of small statements of the 25 tries: connecting for each cost more than them
    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dslOnOneConnection();
    private static final Instant START = Instant.parse("2026-11-20T23:20:00Z"); // the polls cross midnight (UTC)
    private static final List<String> ACCOUNTS = List.of("a1", "a2", "a3", "a4");
    private static final Map<String, String> CURRENCY = Map.of("a1", "USD", "a2", "JPY", "a3", "EUR", "a4", "USD");

    /** One poll as the provider answered it: empty when the whole source failed. */
    record Poll(Optional<Map<String, Seen>> accounts, boolean listed, boolean recordedLate) {}

    /** What the poll saw of one account. */
    record Seen(String available, Optional<String> ledger, Optional<Integer> asOfMinute, String name) {}

    /** One row of the per-poll form. */
    record Row(
            String account,
            Instant observedAt,
            long pollId,
            String currency,
            String available,
            String ledger,
            Instant providerAsOf) {}

    @Property(tries = 25)
    void the_compact_history_answers_as_one_row_per_account_and_poll_did(
            @ForAll("pollSequences") List<Poll> polls, @ForAll boolean twoInstances) {
        String source = "eq-" + UUID.randomUUID().toString().substring(0, 8);
        List<JooqSnapshotStore> stores = List.of(newStore(), newStore());
        List<Row> expected = new ArrayList<>();
        boolean anyLate = false;
        Set<String> eventsAsRecorded = new TreeSet<>();
        long[] pollIds = new long[polls.size()];
        for (int i = 0; i < polls.size(); i++) {
            pollIds[i] = stores.get(0).openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at(i));
        }
        List<Integer> order =
                recordingOrderOfLate(polls.stream().map(Poll::recordedLate).toList());
        for (int step = 0; step < order.size(); step++) {
            int i = order.get(step);
            Poll poll = polls.get(i);
            anyLate |= poll.recordedLate();
            JooqSnapshotStore store = stores.get(twoInstances ? step % 2 : 0);
            store.recordSource(record(source, pollIds[i], at(i), poll));
            eventsAsRecorded.addAll(openRunEvents(source));
            poll.accounts()
                    .ifPresent(seen ->
                            seen.forEach((account, s) -> expected.add(row(source, account, s, at(i), pollIds[i]))));
        }
        expected.sort(Comparator.comparing(Row::account)
                .thenComparing(Row::observedAt)
                .thenComparing(Row::pollId));

        assertThat(storedSnapshots(source)).isEqualTo(expected);
        assertRawPoints(source, expected, polls.size());
        assertSnapshotWindows(source, expected, polls.size());
        assertBuckets(source, polls.size());
        assertThat(storedDays(source)).isEqualTo(days(expected));
        for (int i = 0; i < polls.size(); i++) {
            assertAsOf(source, at(i).plusSeconds(30), expected);
        }
        // each change event as its run's latest row held it when the change was recorded, late polls or not: the
        // closed runs give the same, whether they carry the value before or read it from the run before them
        assertThat(new TreeSet<>(storedChanges(source))).isEqualTo(eventsAsRecorded);
        if (!anyLate) { // a poll recorded late never touched latest values or change events, in either form
            assertThat(storedChanges(source)).isEqualTo(changes(expected));
            assertThat(storedLatest(source)).isEqualTo(latest(expected));
        }
        new JooqDailyRollup(DSL_CONTEXT).rollUpCompletedDays(START.plus(java.time.Duration.ofDays(3)));
        assertThat(storedDays(source)).as("after the rollup").isEqualTo(days(expected));
    }

    @Provide
    Arbitrary<List<Poll>> pollSequences() {
        Arbitrary<Seen> seen = Combinators.combine(
                        Arbitraries.of("10.00", "10.00", "10.00", "12.50", "0.00"),
                        Arbitraries.of("none", "none", "5.00")
                                .map(l -> l.equals("none") ? Optional.<String>empty() : Optional.of(l)),
                        Arbitraries.of(-1, -1, 0, 7).map(m -> m < 0 ? Optional.<Integer>empty() : Optional.of(m)),
                        Arbitraries.of("Budget", "Budget", "Budget renamed"))
                .as(Seen::new);
        Arbitrary<Map<String, Seen>> answer = Arbitraries.maps(Arbitraries.of(ACCOUNTS), seen)
                .ofMinSize(0)
                .ofMaxSize(4)
                .map(TreeMap::new);
        Arbitrary<Poll> ok = Combinators.combine(
                        answer, Arbitraries.of(true, false), Arbitraries.of(false, false, false, false, true))
                .as((a, listed, late) -> new Poll(Optional.of(a), listed, late));
        Arbitrary<Poll> failed = Arbitraries.of(true, false).map(late -> new Poll(Optional.empty(), false, late));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, ok), net.jqwik.api.Tuple.of(1, failed))
                .list()
                .ofMinSize(1)
                .ofMaxSize(14);
    }

    /**
     * The order in which polls are recorded: a poll marked late after the poll that follows it, as when two polls of
     * a source race.
     */
    static List<Integer> recordingOrderOfLate(List<Boolean> late) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            if (late.get(i) && i + 1 < late.size()) {
                order.add(i + 1);
                order.add(i);
                i++;
            } else {
                order.add(i);
            }
        }
        return order;
    }

    private static Instant at(int i) {
        return START.plusSeconds(300L * i);
    }

    private static JooqSnapshotStore newStore() {
        return new JooqSnapshotStore(DSL_CONTEXT, ChangeDetector.defaults(), CardLimitTotals.none());
    }

    private static SourcePollRecord record(String source, long pollId, Instant at, Poll poll) {
        List<RawResponse> raw = List.of(new RawResponse("GET /budgets", 200, "{}"));
        if (poll.accounts().isEmpty()) {
            return AhrvoPolls.recorded(pollId, at, AhrvoPolls.unavailable(source, "GET /budgets", raw));
        }
        List<BalanceObservation> balances = new ArrayList<>();
        poll.accounts().get().forEach((account, s) -> balances.add(observation(source, account, s)));
        return AhrvoPolls.recorded(
                pollId,
                at,
                new FetchResult.Fetched(
                        source,
                        balances,
                        List.of(),
                        List.of(),
                        poll.listed() ? Set.of(AccountKind.BUDGET) : Set.of(),
                        raw));
    }

    private static BalanceObservation observation(String source, String account, Seen s) {
        String currency = CURRENCY.get(account);
        String available =
                currency.equals("JPY") ? s.available().replace(".00", "").replace(".50", "") : s.available();
        Account a = Account.of(
                source,
                ProviderType.AHRVO,
                AccountKind.BUDGET,
                account,
                s.name() + " " + account,
                CurrencyCodes.require(currency));
        Balances balances = new Balances(
                Money.parse(available, currency),
                s.ledger().filter(l -> !currency.equals("JPY")).map(l -> Money.parse(l, currency)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new BalanceObservation(a, balances, s.asOfMinute().map(m -> START.plusSeconds(60L * m)));
    }

    private static Row row(String source, String account, Seen s, Instant at, long pollId) {
        BalanceObservation o = observation(source, account, s);
        return new Row(
                o.account().id().value(),
                at,
                pollId,
                CURRENCY.get(account),
                scaled(o.balances().available().amount()),
                o.balances().ledger().map(m -> scaled(m.amount())).orElse(null),
                o.providerAsOf().orElse(null));
    }

    private static String scaled(BigDecimal amount) {
        return amount == null
                ? null
                : amount.setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<Row> storedSnapshots(String source) {
        return storedSnapshots("source = ?", source);
    }

    private static List<Row> storedSnapshots(String where, Object... values) {
        return DSL_CONTEXT
                .fetch(
                        "SELECT account_id, observed_at, poll_id, currency, available, ledger, provider_as_of"
                                + " FROM analytics.snapshots WHERE " + where
                                + " ORDER BY account_id, observed_at, poll_id",
                        values)
                .map(r -> new Row(
                        r.get(0, String.class),
                        r.get(1, OffsetDateTime.class).toInstant(),
                        r.get(2, Long.class),
                        r.get(3, String.class),
                        scaled(r.get(4, BigDecimal.class)),
                        scaled(r.get(5, BigDecimal.class)),
                        Optional.ofNullable(r.get(6, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)));
    }

    /** analytics.daily_balances as text rows: account, day, open, close, min, max, samples, first, last. */
    private static List<String> storedDays(String source) {
        return DSL_CONTEXT
                .fetch("""
                SELECT account_id, day, open_available, close_available, min_available, max_available, samples,
                       first_observed_at, last_observed_at
                FROM analytics.daily_balances WHERE source = ? ORDER BY account_id, day
                """, source)
                .map(r -> String.join(
                        "|",
                        r.get(0, String.class),
                        r.get(1, LocalDate.class).toString(),
                        scaled(r.get(2, BigDecimal.class)),
                        scaled(r.get(3, BigDecimal.class)),
                        scaled(r.get(4, BigDecimal.class)),
                        scaled(r.get(5, BigDecimal.class)),
                        r.get(6, Integer.class).toString(),
                        r.get(7, OffsetDateTime.class).toInstant().toString(),
                        r.get(8, OffsetDateTime.class).toInstant().toString()));
    }

    private static List<String> days(List<Row> rows) {
        Map<String, List<Row>> byDay = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> r.account() + "|"
                                + r.observedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                        TreeMap::new,
                        Collectors.toList()));
        List<String> days = new ArrayList<>();
        byDay.forEach((key, dayRows) -> {
            List<Row> inOrder = dayRows.stream()
                    .sorted(Comparator.comparing(Row::observedAt).thenComparing(Row::pollId))
                    .toList();
            List<BigDecimal> amounts =
                    inOrder.stream().map(r -> new BigDecimal(r.available())).toList();
            days.add(String.join(
                    "|",
                    key,
                    inOrder.get(0).available(),
                    inOrder.get(inOrder.size() - 1).available(),
                    scaled(amounts.stream().min(Comparator.naturalOrder()).orElseThrow()),
                    scaled(amounts.stream().max(Comparator.naturalOrder()).orElseThrow()),
                    Integer.toString(inOrder.size()),
                    inOrder.get(0).observedAt().toString(),
                    inOrder.get(inOrder.size() - 1).observedAt().toString()));
        });
        return days;
    }

    /** analytics.balance_changes as text rows: account, previous observed, observed, previous, available. */
    private static List<String> storedChanges(String source) {
        return DSL_CONTEXT
                .fetch("""
                SELECT account_id, previous_observed_at, observed_at, previous_available, available
                FROM analytics.balance_changes WHERE source = ? ORDER BY account_id, observed_at
                """, source)
                .map(r -> String.join(
                        "|",
                        r.get(0, String.class),
                        r.get(1, OffsetDateTime.class).toInstant().toString(),
                        r.get(2, OffsetDateTime.class).toInstant().toString(),
                        scaled(r.get(3, BigDecimal.class)),
                        scaled(r.get(4, BigDecimal.class))));
    }

    /** The change events the open runs of the source hold now, in the form of {@link #storedChanges}. */
    private static List<String> openRunEvents(String source) {
        return DSL_CONTEXT
                .fetch("""
                SELECT account_id, previous_observed_at, observed_at, previous_available, available
                FROM latest_balance
                WHERE source = ? AND follows_source_poll AND change_direction IS NOT NULL
                """, source)
                .map(r -> String.join(
                        "|",
                        r.get(0, String.class),
                        r.get(1, OffsetDateTime.class).toInstant().toString(),
                        r.get(2, OffsetDateTime.class).toInstant().toString(),
                        scaled(r.get(3, BigDecimal.class)),
                        scaled(r.get(4, BigDecimal.class))));
    }

    private static List<String> changes(List<Row> rows) {
        List<String> changes = new ArrayList<>();
        Row previous = null;
        for (Row row : rows) { // sorted by account, then time
            if (previous != null
                    && previous.account().equals(row.account())
                    && new BigDecimal(previous.available()).compareTo(new BigDecimal(row.available())) != 0) {
                changes.add(String.join(
                        "|",
                        row.account(),
                        previous.observedAt().toString(),
                        row.observedAt().toString(),
                        previous.available(),
                        row.available()));
            }
            previous = row;
        }
        return changes;
    }

    /** analytics.latest_balances as text rows: account, available, observed_at, last_seen_at. */
    private static List<String> storedLatest(String source) {
        return DSL_CONTEXT
                .fetch("""
                SELECT account_id, available, observed_at, last_seen_at
                FROM analytics.latest_balances WHERE source = ? ORDER BY account_id
                """, source)
                .map(r -> String.join(
                        "|",
                        r.get(0, String.class),
                        scaled(r.get(1, BigDecimal.class)),
                        r.get(2, OffsetDateTime.class).toInstant().toString(),
                        r.get(3, OffsetDateTime.class).toInstant().toString()));
    }

    private static List<String> latest(List<Row> rows) {
        Map<String, Row> last = new TreeMap<>();
        rows.forEach(r -> last.put(r.account(), r)); // sorted by time within an account
        return last.values().stream()
                .map(r -> String.join(
                        "|",
                        r.account(),
                        r.available(),
                        r.observedAt().toString(),
                        r.observedAt().toString()))
                .toList();
    }

    /**
     * The history route's raw points and their count, read from the runs and the poll ledger, are the per-poll rows of
     * the account in the range, in time and poll order: over every poll, cut by a limit, and over a window starting at
     * each poll (their ends falling on polls and between them, inside runs and at their edges).
     */
    private static void assertRawPoints(String source, List<Row> rows, int polls) {
        JooqBalanceReadModel readModel = new JooqBalanceReadModel(DSL_CONTEXT);
        for (String external : ACCOUNTS) {
            AccountId account = new AccountId(source + ".budget." + external);
            List<String> ofAccount = rows.stream()
                    .filter(r -> r.account().equals(account.value()))
                    .map(r -> r.observedAt() + " " + r.available() + " " + r.currency())
                    .toList();
            assertThat(points(readModel.availableHistory(account, at(0), at(polls), 10_000)))
                    .as("raw points of %s", account)
                    .isEqualTo(ofAccount);
            assertThat(points(readModel.availableHistory(account, at(0), at(polls), 2)))
                    .as("raw points of %s, limit 2", account)
                    .isEqualTo(ofAccount.subList(0, Math.min(2, ofAccount.size())));
            for (int w = 0; w < polls; w++) {
                Instant from = at(w).plusSeconds(w % 3 == 2 ? 1 : 0);
                Instant to = at(w + 1 + w * 7 % Math.max(1, polls / 2)).minusSeconds(w % 2);
                List<String> inWindow = rows.stream()
                        .filter(r -> r.account().equals(account.value()))
                        .filter(r ->
                                !r.observedAt().isBefore(from) && r.observedAt().isBefore(to))
                        .map(r -> r.observedAt() + " " + r.available() + " " + r.currency())
                        .toList();
                assertThat(points(readModel.availableHistory(account, from, to, 10_000)))
                        .as("raw points of %s in [%s, %s)", account, from, to)
                        .isEqualTo(inWindow);
                assertThat(readModel.countSnapshots(account, from, to))
                        .as("snapshots of %s in [%s, %s)", account, from, to)
                        .isEqualTo(inWindow.size());
            }
        }
    }

    /**
     * analytics.snapshots of one account over a window is the per-poll rows of the account in the window: the time
     * bound reaches the runs by each sighting, so windows start and end at polls, between them and at runs' edges.
     */
    private static void assertSnapshotWindows(String source, List<Row> rows, int polls) {
        for (String external : ACCOUNTS) {
            String account = source + ".budget." + external;
            for (int w = 0; w < polls; w++) {
                Instant from = at(w).plusSeconds(w % 3 == 2 ? 1 : 0);
                Instant to = at(w + 1 + w * 5 % Math.max(1, polls / 2)).minusSeconds(w % 2);
                List<Row> inWindow = rows.stream()
                        .filter(r -> r.account().equals(account))
                        .filter(r ->
                                !r.observedAt().isBefore(from) && r.observedAt().isBefore(to))
                        .toList();
                assertThat(storedSnapshots(
                                "account_id = ? AND observed_at >= ?::timestamptz AND observed_at < ?::timestamptz",
                                account,
                                from.toString(),
                                to.toString()))
                        .as("analytics.snapshots of %s in [%s, %s)", account, from, to)
                        .isEqualTo(inWindow);
            }
        }
    }

    /** The per-sighting definition of the history route's buckets, which read the generated view. */
    private static final String BUCKETS_FROM_GENERATED_ROWS = """
            SELECT width_bucket(observed_at, ?::timestamptz[]) - 1 AS bucket,
                   (array_agg(available ORDER BY observed_at, poll_id))[1] AS open,
                   (array_agg(available ORDER BY observed_at DESC, poll_id DESC))[1] AS close,
                   min(available) AS min, max(available) AS max, count(*) AS samples, min(currency) AS currency
            FROM balance_snapshot
            WHERE account_id = ? AND observed_at >= ?::timestamptz AND observed_at < ?::timestamptz
            GROUP BY 1
            ORDER BY 1
            """;

    /**
     * The history route's buckets, made from the runs, equal the per-sighting definition: buckets of two polls, of
     * one, between polls, and one ending at midnight (UTC).
     */
    private static void assertBuckets(String source, int polls) {
        List<Instant> boundaries = new ArrayList<>();
        for (int i = 0; i <= polls; i += 2) {
            boundaries.add(at(i));
            if (i % 4 == 2) {
                boundaries.add(at(i).plusSeconds(150));
                boundaries.add(at(i + 1));
            }
        }
        Instant midnight = Instant.parse("2026-11-21T00:00:00Z");
        if (!boundaries.contains(midnight)) {
            boundaries.add(midnight);
        }
        boundaries.sort(Comparator.naturalOrder());
        String[] bounds = boundaries.stream().map(Instant::toString).toArray(String[]::new);
        JooqBalanceReadModel readModel = new JooqBalanceReadModel(DSL_CONTEXT);
        for (String external : ACCOUNTS) {
            AccountId account = new AccountId(source + ".budget." + external);
            List<String> expected = DSL_CONTEXT
                    .fetch(BUCKETS_FROM_GENERATED_ROWS, bounds, account.value(), bounds[0], bounds[bounds.length - 1])
                    .map(r -> String.join(
                            " ",
                            r.get("bucket", Integer.class).toString(),
                            scaled(r.get("open", BigDecimal.class)),
                            scaled(r.get("close", BigDecimal.class)),
                            scaled(r.get("min", BigDecimal.class)),
                            scaled(r.get("max", BigDecimal.class)),
                            r.get("samples", Integer.class).toString(),
                            r.get("currency", String.class)));
            List<String> stored = readModel.aggregate(account, boundaries).stream()
                    .map(b -> String.join(
                            " ",
                            Integer.toString(b.index()),
                            scaled(b.open().amount()),
                            scaled(b.close().amount()),
                            scaled(b.min().amount()),
                            scaled(b.max().amount()),
                            Integer.toString(b.samples()),
                            b.open().currency().getCurrencyCode()))
                    .toList();
            assertThat(stored).as("buckets of %s over %s", account, boundaries).isEqualTo(expected);
        }
    }

    private static List<String> points(List<BalancePoint> points) {
        return points.stream()
                .map(p -> p.at() + " " + scaled(p.balance().amount()) + " "
                        + p.balance().currency().getCurrencyCode())
                .toList();
    }

    /** A report as of a time takes each account's newest snapshot at or before it, in both forms. */
    private static void assertAsOf(String source, Instant asOf, List<Row> rows) {
        Map<String, String> expected = new TreeMap<>();
        rows.stream()
                .filter(r -> !r.observedAt().isAfter(asOf))
                .forEach(r -> expected.put(r.account(), r.available() + "@" + r.observedAt()));
        Map<String, String> stored = new TreeMap<>();
        for (AsOfSnapshots.AccountValue value :
                new JooqAsOfSnapshots(DSL_CONTEXT).at(asOf).accounts()) {
            if (value.source().equals(source)) {
                stored.put(value.accountId(), scaled(value.available().amount()) + "@" + value.observedAt());
            }
        }
        // reports leave out accounts gone at as-of (a gone period spans it, even if the account is back now) and
        // those first seen after it
        Set<String> listed = Set.copyOf(DSL_CONTEXT
                .fetch("""
                SELECT id FROM account a WHERE source = ? AND first_seen_at <= ?::timestamptz
                  AND NOT EXISTS (SELECT 1 FROM account_gone g WHERE g.account_id = a.id
                                    AND g.gone_at <= ?::timestamptz
                                    AND (g.back_at IS NULL OR g.back_at > ?::timestamptz))
                """, source, asOf.toString(), asOf.toString(), asOf.toString())
                .getValues(0, String.class));
        Map<String, String> withPolls = new TreeMap<>();
        rows.stream()
                .filter(r -> !r.observedAt().isAfter(asOf))
                .forEach(r -> withPolls.put(r.account(), r.available() + "@" + r.observedAt() + "#" + r.pollId()));
        expected.keySet().retainAll(listed);
        assertThat(stored).as("as of %s", asOf).isEqualTo(expected);

        // the API's as-of read (the same query) keeps gone accounts and names the poll of each observation; an account
        // whose first recorded poll was a later one (an earlier poll recorded late) counts from its first_seen_at too
        withPolls
                .keySet()
                .retainAll(DSL_CONTEXT
                        .fetch(
                                "SELECT id FROM account WHERE source = ? AND first_seen_at <= ?::timestamptz",
                                source,
                                asOf.toString())
                        .getValues(0, String.class));
        Map<String, String> api = new TreeMap<>();
        for (AsOfBalance value : new JooqAsOfBalanceReadModel(DSL_CONTEXT).allBalancesAsOf(asOf)) {
            if (value.observed().account().source().equals(source)) {
                api.put(
                        value.observed().account().id().value(),
                        scaled(value.observed().balances().available().amount()) + "@"
                                + value.observed().observedAt() + "#" + value.pollId());
            }
        }
        assertThat(api).as("API as of %s", asOf).isEqualTo(withPolls);
    }
}
