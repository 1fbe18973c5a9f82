package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.EUR;
import static com.balancehistory.domain.analytics.Fixtures.JPY;
import static com.balancehistory.domain.analytics.Fixtures.USD;
import static com.balancehistory.domain.analytics.Fixtures.account;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.jpy;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyOverviewTest {

    @Test
    void summarises_each_currency_separately_sorted_by_code() {
        List<CurrencyOverview> overviews = CurrencyOverview.perCurrency(List.of(
                account("a", usd("45250.75")),
                account("b", eur("94.20")),
                account("c", usd("100")),
                account("d", jpy("5000")),
                account("e", usd("0.25"))));

        assertThat(overviews).extracting(CurrencyOverview::currency).containsExactly(EUR, JPY, USD);
        CurrencyOverview dollars = overviews.get(2);
        assertThat(dollars.count()).isEqualTo(3);
        assertThat(dollars.total()).isEqualTo(usd("45351.00"));
        assertThat(dollars.average()).isEqualTo(usd("15117.00"));
        assertThat(dollars.highest().id().value()).isEqualTo("a");
        assertThat(dollars.lowest().id().value()).isEqualTo("e");
    }

    @Test
    void rounds_the_average_half_even_to_the_currency_scale() {
        // 0.05 / 2 = 0.025 -> 0.02 ; 0.07 / 2 = 0.035 -> 0.04 ; 1 JPY / 2 = 0.5 -> 0
        assertThat(CurrencyOverview.perCurrency(List.of(account("a", usd("0.05")), account("b", usd("0"))))
                        .get(0)
                        .average())
                .isEqualTo(usd("0.02"));
        assertThat(CurrencyOverview.perCurrency(List.of(account("a", usd("0.07")), account("b", usd("0"))))
                        .get(0)
                        .average())
                .isEqualTo(usd("0.04"));
        assertThat(CurrencyOverview.perCurrency(List.of(account("a", jpy("1")), account("b", jpy("0"))))
                        .get(0)
                        .average())
                .isEqualTo(jpy("0"));
    }

    @Test
    void rounds_a_repeating_average() {
        CurrencyOverview overview = CurrencyOverview.perCurrency(
                        List.of(account("a", usd("10")), account("b", usd("10")), account("c", usd("0.01"))))
                .get(0);

        assertThat(overview.average()).isEqualTo(usd("6.67"));
    }

    @Test
    void a_single_account_is_its_own_highest_lowest_and_average() {
        AccountBalance only = account("solo", eur("12.34"));

        CurrencyOverview overview = CurrencyOverview.perCurrency(List.of(only)).get(0);

        assertThat(overview.count()).isEqualTo(1);
        assertThat(overview.total()).isEqualTo(eur("12.34"));
        assertThat(overview.average()).isEqualTo(eur("12.34"));
        assertThat(overview.highest()).isEqualTo(only);
        assertThat(overview.lowest()).isEqualTo(only);
    }

    @Test
    void breaks_ties_by_smallest_account_id_whatever_the_input_order() {
        List<AccountBalance> accounts =
                List.of(account("zeta", usd("5")), account("alpha", usd("5")), account("mid", usd("5")));

        CurrencyOverview forward = CurrencyOverview.perCurrency(accounts).get(0);
        CurrencyOverview reversed = CurrencyOverview.perCurrency(
                        List.of(accounts.get(2), accounts.get(1), accounts.get(0)))
                .get(0);

        assertThat(forward.highest().id().value()).isEqualTo("alpha");
        assertThat(forward.lowest().id().value()).isEqualTo("alpha");
        assertThat(reversed).isEqualTo(forward);
    }

    @Test
    void handles_negative_balances() {
        CurrencyOverview overview = CurrencyOverview.perCurrency(
                        List.of(account("over", usd("-20")), account("fine", usd("10"))))
                .get(0);

        assertThat(overview.total()).isEqualTo(usd("-10"));
        assertThat(overview.average()).isEqualTo(usd("-5"));
        assertThat(overview.lowest().id().value()).isEqualTo("over");
    }

    @Test
    void gives_no_overview_for_no_accounts() {
        assertThat(CurrencyOverview.perCurrency(List.of())).isEmpty();
    }

    @Test
    void rejects_an_account_listed_twice() {
        assertThatThrownBy(() -> CurrencyOverview.perCurrency(List.of(account("a", usd("1")), account("a", usd("2")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }

    @Test
    void rejects_figures_in_another_currency_than_the_overview() {
        AccountBalance euros = account("a", eur("1"));

        assertThatThrownBy(() -> new CurrencyOverview(USD, 1, usd("1"), usd("1"), euros, euros))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
