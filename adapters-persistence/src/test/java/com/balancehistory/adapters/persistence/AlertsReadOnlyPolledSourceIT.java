package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.application.service.alert.EvaluateAlertsService;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.application.testing.MovingClock;
import com.balancehistory.application.testing.TestAlertRules;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The alert evaluation after a poll reads the polled source's accounts only, however many other sources' accounts are
 * stored: memory follows the largest source, not the whole store (a 160 MB JVM ran out of it at 100,000 accounts).
 */
class AlertsReadOnlyPolledSourceIT {

    // a currency of its own, so the totals of other tests' accounts do not count here
    private static final String CURRENCY = "NZD";
    private static final Instant T0 = Instant.parse("2019-06-01T00:00:00Z");
    private static final int CROWD = 2_000;

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqSnapshotStore store =
            new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
    private final MovingClock clock = new MovingClock(T0.plusSeconds(10));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String small = "small-" + run;
    private final String crowd = "crowd-" + run;

    /** The real snapshots, counting the account rows they hand out and refusing the read of every account. */
    private final class CountingSnapshots implements AsOfSnapshots {
        private final JooqAsOfSnapshots real = new JooqAsOfSnapshots(dsl);
        int accountRows;
        int accountReads;
        int mostAccountRowsAtOnce;

        @Override
        public Snapshot at(Instant asOf) {
            throw new AssertionError("the alerts read every stored account");
        }

        @Override
        public Snapshot ofAccounts(Instant asOf, String source, AccountRange range) {
            Snapshot snapshot = real.ofAccounts(asOf, source, range);
            accountRows += snapshot.accounts().size();
            accountReads++;
            mostAccountRowsAtOnce =
                    Math.max(mostAccountRowsAtOnce, snapshot.accounts().size());
            return snapshot;
        }

        @Override
        public Optional<String> accountRangeEnd(String source, Optional<String> after, int count) {
            return real.accountRangeEnd(source, after, count);
        }

        @Override
        public Optional<SourcePolls> polls(Instant asOf, String source) {
            return real.polls(asOf, source);
        }

        @Override
        public List<String> sources(Instant asOf) {
            return real.sources(asOf);
        }

        @Override
        public Map<Currency, Money> positiveTotals(Instant asOf) {
            return real.positiveTotals(asOf);
        }

        @Override
        public List<SignificantChange> significantChanges(Instant from, Instant to, String source, AccountRange range) {
            return real.significantChanges(from, to, source, range);
        }

        @Override
        public List<SignificantChange> topUps(Instant from, Instant to, String source, AccountRange range) {
            return real.topUps(from, to, source, range);
        }
    }

    private final CountingSnapshots snapshots = new CountingSnapshots();

    private EvaluateAlertsService alerts(LowBalanceRule rule) {
        return alerts(rule, EvaluateAlertsService.ACCOUNTS_PER_RANGE);
    }

    private EvaluateAlertsService alerts(LowBalanceRule rule, int accountsPerRange) {
        return new EvaluateAlertsService(
                snapshots,
                new JooqAlertStateStore(dsl),
                TestAlertRules.of(
                        LowBalancePolicy.none().forCurrency(Currency.getInstance(CURRENCY), rule),
                        Optional.empty(),
                        List.of()),
                null, // no targets, so nothing is rendered
                DailyBurns.NONE, // no runway rule, so no burn is asked for
                clock,
                accountsPerRange);
    }

    private void record(String source, BalanceObservation... balances) {
        recordAt(T0, source, balances);
    }

    private void recordAt(Instant at, String source, BalanceObservation... balances) {
        long poll = store.openPollRun(PollTrigger.SCHEDULE, Optional.of(source), at);
        store.recordSource(new SourcePollRecord(
                poll,
                source,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                at,
                at.plusSeconds(1),
                Fixtures.fetched(source, balances)));
        store.finishPollRun(poll, at.plusSeconds(1));
    }

    private void storeBothSources() {
        List<BalanceObservation> many = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            many.add(Fixtures.balance(crowd, "b" + i, "950.00", CURRENCY));
        }
        record(crowd, many.toArray(BalanceObservation[]::new));
        record(small, Fixtures.balance(small, "b1", "50.00", CURRENCY));
    }

    @Test
    void the_evaluation_after_a_poll_of_one_source_reads_none_of_the_accounts_of_another() {
        storeBothSources();

        List<AlertEvent> events =
                alerts(LowBalanceRule.below(Money.parse("100", CURRENCY))).evaluate(List.of(small));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo(small);
            assertThat(event.type()).isEqualTo(AlertEvent.Type.FIRED);
        });
        assertThat(snapshots.accountRows)
                .as("account rows read, with %d accounts of another source stored", CROWD)
                .isEqualTo(1);
        assertThat(snapshots.real.ofSource(clock.instant(), small).sources())
                .singleElement()
                .satisfies(polls -> assertThat(polls.source()).isEqualTo(small));
    }

    @Test
    void a_percent_of_total_rule_sums_every_sources_balances_in_the_database() {
        Currency nzd = Currency.getInstance(CURRENCY);
        Money before = snapshots.real.positiveTotals(clock.instant()).getOrDefault(nzd, Money.zero(nzd));
        storeBothSources();

        // 50.00 is all of its source, and 0.0026 % of the 1,900,050.00 NZD held over both
        List<AlertEvent> events =
                alerts(LowBalanceRule.belowPercentOfTotal(new BigDecimal("1"))).evaluate(List.of(small));

        assertThat(snapshots.real.positiveTotals(clock.instant()).get(nzd).minus(before))
                .isEqualTo(Money.parse("1900050.00", CURRENCY));
        assertThat(events)
                .singleElement()
                .satisfies(event -> assertThat(event.source()).isEqualTo(small));
        assertThat(snapshots.accountRows).isEqualTo(1);
    }

    @Test
    void the_totals_summed_in_the_database_are_the_domains_positive_totals_overdrawn_and_zero_balances_left_out() {
        Currency nzd = Currency.getInstance(CURRENCY);
        Money before = snapshots.real.positiveTotals(clock.instant()).getOrDefault(nzd, Money.zero(nzd));
        record(
                small,
                Fixtures.balance(small, "b1", "120.00", CURRENCY),
                Fixtures.balance(small, "b2", "-30.00", CURRENCY),
                Fixtures.balance(small, "b3", "0.00", CURRENCY));

        List<AccountBalance> recorded = snapshots.real.ofSource(clock.instant(), small).accounts().stream()
                .map(account -> new AccountBalance(
                        new AccountId(account.accountId()), account.name(), account.available(), account.initial()))
                .toList();
        assertThat(recorded).hasSize(3);
        Money summedInTheDatabase =
                snapshots.real.positiveTotals(clock.instant()).get(nzd).minus(before);
        assertThat(summedInTheDatabase)
                .isEqualTo(LowBalancePolicy.positiveTotals(recorded).get(nzd))
                .isEqualTo(Money.parse("120.00", CURRENCY));
    }
    /** The transitions of one evaluation, by type and the account's external id. */
    private static List<String> transitions(List<AlertEvent> events) {
        return events.stream()
                .map(event -> event.type().code() + " "
                        + event.key().subject().substring(event.key().subject().lastIndexOf('.') + 1))
                .sorted()
                .toList();
    }

    private static BalanceObservation[] balances(String source, String... available) {
        List<BalanceObservation> balances = new ArrayList<>();
        for (int i = 0; i < available.length; i++) {
            balances.add(Fixtures.balance(source, "b" + i, available[i], CURRENCY));
        }
        return balances.toArray(BalanceObservation[]::new);
    }

    @Test
    void a_source_judged_two_accounts_at_a_time_makes_the_same_transitions_as_judged_whole() {
        String ranged = "ranged-" + run;
        String whole = "whole-" + run;
        LowBalanceRule below100 = LowBalanceRule.below(Money.parse("100", CURRENCY));
        EvaluateAlertsService inRanges = alerts(below100, 2);
        EvaluateAlertsService allAtOnce = alerts(below100, EvaluateAlertsService.ACCOUNTS_PER_RANGE);
        // first b0, b2 and b3 fire; then b0 recovers, b3 stays low, b2 goes up and b4 drops
        List<List<String>> polls = List.of(
                List.of("50.00", "950.00", "10.00", "20.00", "950.00"),
                List.of("950.00", "950.00", "950.00", "20.00", "30.00"));
        List<List<String>> expected =
                List.of(List.of("fired b0", "fired b2", "fired b3"), List.of("fired b4", "resolved b0", "resolved b2"));
        for (int step = 0; step < polls.size(); step++) {
            Instant at = T0.plus(java.time.Duration.ofHours(step));
            clock.set(at.plusSeconds(10));
            String[] available = polls.get(step).toArray(String[]::new);
            recordAt(at, ranged, balances(ranged, available));
            recordAt(at, whole, balances(whole, available));
            snapshots.mostAccountRowsAtOnce = 0;
            int readsBefore = snapshots.accountReads;

            List<String> judgedInRanges = transitions(inRanges.evaluate(List.of(ranged)));
            assertThat(snapshots.mostAccountRowsAtOnce)
                    .as("account rows read at once")
                    .isEqualTo(2);
            assertThat(snapshots.accountReads - readsBefore)
                    .as("reads of 5 accounts, 2 at a time")
                    .isEqualTo(3);
            List<String> judgedWhole = transitions(allAtOnce.evaluate(List.of(whole)));

            assertThat(judgedInRanges).isEqualTo(judgedWhole).isEqualTo(expected.get(step));
        }
    }
}
