package com.balancehistory.adapters.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.TenDayRuns;
import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.application.testing.BalanceReadModelContract;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every read model keeps, and what only SQL does here: selection, paging, staleness per source. */
class JooqBalanceReadModelIT extends BalanceReadModelContract {

    /** Rows a scan read and then dropped by its filter: in the raw points' runs, runs beginning after the range. */
    private static final Pattern RUNS_READ = Pattern.compile("Rows Removed by Filter: (\\d+)");

    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    private final QueryTestData data = new QueryTestData();
    private final JooqBalanceReadModel readModel = new JooqBalanceReadModel(QueryTestData.DSL_CONTEXT);
    private String source;

    @Override
    protected BalanceReadModel readModel() {
        return readModel;
    }

    @Override
    protected long recordPoll(Instant at, String source, BalanceObservation... balances) {
        return data.record(at, Fixtures.fetched(source, balances));
    }

    @Override
    protected long recordFailure(Instant at, String source) {
        return data.recordFailure(at, source);
    }

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
    void raw_points_read_no_run_beyond_the_first_one_ending_after_the_range() {
        String runsSource = QueryTestData.uniqueSource();
        String account = runsSource + ".budget.b1";
        TenDayRuns.write(QueryTestData.DSL_CONTEXT, runsSource, account);
        // 2024-01-25 to 2024-01-28: inside the third run (2024-01-21 to 2024-01-30 18:00), eight runs after it
        String from = "2024-01-25T00:00:00Z";
        String to = "2024-01-28T00:00:00Z";

        List<String> plan = QueryTestData.DSL_CONTEXT
                .fetch(
                        "EXPLAIN (ANALYZE, COSTS OFF) " + RunSamples.RUNS,
                        to,
                        from,
                        account,
                        to,
                        account,
                        to,
                        account,
                        from,
                        to)
                .getValues(0, String.class);

        long runsRead = plan.stream()
                .map(RUNS_READ::matcher)
                .filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .sum();
        assertThat(runsRead)
                .as("runs read beyond the range's, in %s", String.join("\n", plan))
                .isZero();
        assertThat(plan)
                .as("run partitions of later months are never read")
                .filteredOn(line -> line.matches(".* on balance_run_2024_0[34] \\w+ .*"))
                .isNotEmpty()
                .allMatch(line -> line.contains("(never executed)"));
        assertThat(
                        readModel
                                .availableHistory(new AccountId(account), Instant.parse(from), Instant.parse(to), 100)
                                .stream()
                                .map(point -> point.balance()
                                        .amount()
                                        .stripTrailingZeros()
                                        .toPlainString())
                                .distinct()
                                .toList())
                .as("the range's sightings, all in the third run")
                .containsExactly("98");
    }
}
