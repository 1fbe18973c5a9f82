package com.balancehistory.adapters.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.application.testing.BalanceReadModelContract;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every read model keeps, and what only SQL does here: selection, paging, staleness per source. */
class JooqBalanceReadModelIT extends BalanceReadModelContract {

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
}
