package com.balancehistory.adapters.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqBalanceReadModelIT {

    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    private final QueryTestData data = new QueryTestData();
    private final JooqBalanceReadModel readModel = new JooqBalanceReadModel(QueryTestData.DSL_CONTEXT);
    private String source;

    @BeforeEach
    void seed() {
        source = QueryTestData.uniqueSource();
        data.record(
                T0,
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "alpha", "45250.75", "USD"),
                        Fixtures.balance(source, "beta", "120.00", "EUR"),
                        Fixtures.balance(source, "gamma", "0", "USD")));
        data.recordBalance(T0.plusSeconds(3600), source, "alpha", "45000.00", "USD");
    }

    private BalanceSelection select(
            Optional<String> currency,
            Optional<String> text,
            Optional<Boolean> stale,
            BalanceSort sort,
            boolean descending,
            int limit,
            long offset,
            StaleCutoffs cutoffs) {
        return new BalanceSelection(
                Optional.empty(),
                Optional.of(source),
                Optional.empty(),
                currency,
                text,
                stale,
                cutoffs,
                sort,
                descending,
                limit,
                offset,
                List.of());
    }

    private static StaleCutoffs noneStale() {
        return new StaleCutoffs(Map.of(), Instant.EPOCH);
    }

    @Test
    void lists_latest_balances_of_a_source_with_exact_amounts_and_total() {
        BalanceRows rows = readModel.latestBalances(select(
                Optional.empty(), Optional.empty(), Optional.empty(), BalanceSort.NAME, false, 100, 0, noneStale()));

        assertThat(rows.total()).isEqualTo(3);
        assertThat(rows.rows()).extracting(row -> row.account().externalId()).containsExactly("alpha", "beta", "gamma");
        LatestBalance alpha = rows.rows().get(0);
        assertThat(alpha.balances().available()).isEqualTo(Money.parse("45000.00", "USD"));
        assertThat(alpha.balances().available().toPlainString()).isEqualTo("45000.00");
        assertThat(alpha.observedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(rows.rows().get(2).balances().available().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void filters_by_currency_and_text_and_pages_with_the_total_of_all_matches() {
        BalanceRows usd = readModel.latestBalances(select(
                Optional.of("USD"),
                Optional.empty(),
                Optional.empty(),
                BalanceSort.AVAILABLE,
                true,
                1,
                0,
                noneStale()));
        assertThat(usd.total()).isEqualTo(2);
        assertThat(usd.rows()).extracting(row -> row.account().externalId()).containsExactly("alpha");

        BalanceRows secondPage = readModel.latestBalances(select(
                Optional.of("USD"),
                Optional.empty(),
                Optional.empty(),
                BalanceSort.AVAILABLE,
                true,
                1,
                1,
                noneStale()));
        assertThat(secondPage.rows())
                .extracting(row -> row.account().externalId())
                .containsExactly("gamma");

        BalanceRows byName = readModel.latestBalances(select(
                Optional.empty(),
                Optional.of("BUDGET BE"),
                Optional.empty(),
                BalanceSort.NAME,
                false,
                100,
                0,
                noneStale()));
        assertThat(byName.rows()).extracting(row -> row.account().externalId()).containsExactly("beta");

        BalanceRows wildcardIsLiteral = readModel.latestBalances(select(
                Optional.empty(), Optional.of("%"), Optional.empty(), BalanceSort.NAME, false, 100, 0, noneStale()));
        assertThat(wildcardIsLiteral.total()).isZero();
    }

    @Test
    void judges_staleness_per_source_in_sql() {
        StaleCutoffs cutoffs = new StaleCutoffs(Map.of(source, T0.plusSeconds(60)), Instant.EPOCH);
        BalanceRows stale = readModel.latestBalances(select(
                Optional.empty(),
                Optional.empty(),
                Optional.of(true),
                BalanceSort.OBSERVED_AT,
                false,
                100,
                0,
                cutoffs));
        BalanceRows fresh = readModel.latestBalances(select(
                Optional.empty(),
                Optional.empty(),
                Optional.of(false),
                BalanceSort.OBSERVED_AT,
                false,
                100,
                0,
                cutoffs));

        assertThat(stale.rows())
                .extracting(row -> row.account().externalId())
                .containsExactlyInAnyOrder("beta", "gamma");
        assertThat(fresh.rows()).extracting(row -> row.account().externalId()).containsExactly("alpha");
    }

    @Test
    void reads_raw_history_and_counts_snapshots_in_a_half_open_range() {
        AccountId alpha = AccountId.derive(source, com.balancehistory.domain.account.AccountKind.BUDGET, "alpha");

        assertThat(readModel.countSnapshots(alpha, T0, T0.plusSeconds(3600))).isEqualTo(1);
        List<BalancePoint> points = readModel.availableHistory(alpha, T0, T0.plusSeconds(7200), 10);
        assertThat(points)
                .extracting(BalancePoint::balance)
                .containsExactly(Money.parse("45250.75", "USD"), Money.parse("45000.00", "USD"));
        assertThat(readModel.latestBalance(new AccountId(source + ".budget.nobody")))
                .isEmpty();
    }

    @Test
    void aggregates_snapshots_into_london_days_across_the_spring_daylight_saving_change() {
        String dst = QueryTestData.uniqueSource();
        // 2026-03-29 in London has 23 hours: midnight is 00:00Z, the next midnight 23:00Z
        data.recordBalance(Instant.parse("2026-03-29T00:30:00Z"), dst, "b", "100.00", "GBP");
        data.recordBalance(Instant.parse("2026-03-29T12:00:00Z"), dst, "b", "80.00", "GBP");
        data.recordBalance(Instant.parse("2026-03-29T22:59:00Z"), dst, "b", "90.00", "GBP");
        data.recordBalance(Instant.parse("2026-03-29T23:30:00Z"), dst, "b", "70.00", "GBP");
        ZoneId london = ZoneId.of("Europe/London");
        List<Instant> days = List.of(
                LocalDate.parse("2026-03-29").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-03-30").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-03-31").atStartOfDay(london).toInstant(),
                LocalDate.parse("2026-04-01").atStartOfDay(london).toInstant());

        List<BucketAggregate> buckets = readModel.aggregate(new AccountId(dst + ".budget.b"), days);

        assertThat(buckets).hasSize(2);
        BucketAggregate sunday = buckets.get(0);
        assertThat(sunday.index()).isZero();
        assertThat(sunday.samples()).isEqualTo(3);
        assertThat(sunday.open()).isEqualTo(Money.parse("100", "GBP"));
        assertThat(sunday.close()).isEqualTo(Money.parse("90", "GBP"));
        assertThat(sunday.min()).isEqualTo(Money.parse("80", "GBP"));
        assertThat(sunday.max()).isEqualTo(Money.parse("100", "GBP"));
        assertThat(buckets.get(1).index()).isEqualTo(1);
        assertThat(buckets.get(1).samples()).isEqualTo(1);
        assertThat(buckets.get(1).open()).isEqualTo(Money.parse("70", "GBP"));
    }

    @Test
    void lists_failed_polls_of_a_source_but_not_successful_ones() {
        long failed = data.recordFailure(T0.plusSeconds(7200), source);

        List<FailedPoll> polls = readModel.failedPolls(source, T0, T0.plusSeconds(10_000));

        assertThat(polls).containsExactly(new FailedPoll(failed, T0.plusSeconds(7200), SourceOutcome.FAILED));
        assertThat(readModel.failedPolls(source, T0, T0.plusSeconds(7200))).isEmpty();
    }
}
