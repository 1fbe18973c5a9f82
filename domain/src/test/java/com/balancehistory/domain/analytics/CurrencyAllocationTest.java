package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.EUR;
import static com.balancehistory.domain.analytics.Fixtures.USD;
import static com.balancehistory.domain.analytics.Fixtures.account;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.id;
import static com.balancehistory.domain.analytics.Fixtures.jpy;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyAllocationTest {

    private static List<String> percents(CurrencyAllocation allocation) {
        return allocation.shares().stream()
                .map(share -> share.percent().toPlainString())
                .toList();
    }

    private static CurrencyAllocation single(List<AccountBalance> accounts) {
        List<CurrencyAllocation> allocations = CurrencyAllocation.perCurrency(accounts);
        assertThat(allocations).hasSize(1);
        return allocations.get(0);
    }

    @Test
    void splits_three_equal_balances_into_shares_that_add_up_to_exactly_one_hundred() {
        CurrencyAllocation allocation =
                single(List.of(account("c", usd("10")), account("a", usd("10")), account("b", usd("10"))));

        // the one leftover 0.01 % goes, on a full tie, to the smallest account id
        assertThat(allocation.shares())
                .extracting(share -> share.account().value())
                .containsExactly("a", "b", "c");
        assertThat(percents(allocation)).containsExactly("33.34", "33.33", "33.33");
        assertThat(allocation.zeroBase()).isFalse();
        assertThat(allocation.base()).isEqualTo(usd("30"));
    }

    @Test
    void gives_leftover_units_to_the_largest_remainders_first() {
        // exact: 66.6666..., 16.6666..., 16.6666... -> floors 66.66, 16.66, 16.66 (99.98), two units left
        CurrencyAllocation allocation =
                single(List.of(account("big", usd("4")), account("x", usd("1")), account("y", usd("1"))));

        assertThat(percents(allocation)).containsExactly("66.67", "16.67", "16.66");
        assertThat(allocation.shares())
                .extracting(share -> share.account().value())
                .containsExactly("big", "x", "y");
    }

    @Test
    void rounds_sevenths_by_their_remainders() {
        // exact: 14.2857..., 28.5714..., 57.1428... -> floors 14.28, 28.57, 57.14 (99.99); 14.28 has the largest rest
        CurrencyAllocation sevenths =
                single(List.of(account("a", usd("1")), account("b", usd("2")), account("c", usd("4"))));

        assertThat(percents(sevenths)).containsExactly("57.14", "28.57", "14.29");
    }

    @Test
    void breaks_a_remainder_tie_in_favour_of_the_larger_balance_even_against_a_smaller_id() {
        // base 200.00: 0.01 -> 0.005 %, 0.03 -> 0.015 %, both with remainder 0.5 unit; 199.96 -> 99.98 % exactly
        CurrencyAllocation tie = single(List.of(
                account("a-small", usd("0.01")), account("z-larger", usd("0.03")), account("huge", usd("199.96"))));

        assertThat(tie.shares())
                .extracting(share -> share.account().value())
                .containsExactly("huge", "z-larger", "a-small");
        assertThat(percents(tie)).containsExactly("99.98", "0.02", "0.00");
    }

    @Test
    void breaks_a_tie_on_remainder_and_balance_in_favour_of_the_smaller_account_id() {
        // base 200.00: 0.01 -> 0.005 % twice; 199.98 -> 99.99 % exactly; one unit left for two equal claims
        CurrencyAllocation tie = single(List.of(
                account("z-small", usd("0.01")), account("a-small", usd("0.01")), account("huge", usd("199.98"))));

        assertThat(tie.shares())
                .extracting(share -> share.account().value())
                .containsExactly("huge", "a-small", "z-small");
        assertThat(percents(tie)).containsExactly("99.99", "0.01", "0.00");
    }

    @Test
    void a_single_positive_account_holds_one_hundred_percent() {
        CurrencyAllocation allocation = single(List.of(account("only", eur("0.01"))));

        assertThat(percents(allocation)).containsExactly("100.00");
    }

    @Test
    void gives_zero_shares_and_a_flag_when_the_currency_total_is_zero() {
        CurrencyAllocation allocation = single(List.of(account("a", usd("0")), account("b", usd("0"))));

        assertThat(allocation.zeroBase()).isTrue();
        assertThat(allocation.base()).isEqualTo(usd("0"));
        assertThat(percents(allocation)).containsExactly("0.00", "0.00");
    }

    @Test
    void leaves_negative_balances_out_of_the_base_with_a_zero_share() {
        CurrencyAllocation allocation =
                single(List.of(account("overdrawn", usd("-50")), account("a", usd("75")), account("b", usd("25"))));

        assertThat(allocation.base()).isEqualTo(usd("100"));
        assertThat(allocation.shares())
                .extracting(share -> share.account().value())
                .containsExactly("a", "b", "overdrawn");
        assertThat(percents(allocation)).containsExactly("75.00", "25.00", "0.00");
    }

    @Test
    void flags_a_currency_where_every_balance_is_negative_or_zero() {
        CurrencyAllocation allocation = single(List.of(account("a", usd("-1")), account("b", usd("0"))));

        assertThat(allocation.zeroBase()).isTrue();
        assertThat(percents(allocation)).containsExactly("0.00", "0.00");
    }

    @Test
    void allocates_each_currency_on_its_own() {
        List<CurrencyAllocation> allocations = CurrencyAllocation.perCurrency(List.of(
                account("u1", usd("1")), account("e1", eur("3")), account("u2", usd("3")), account("e2", eur("1"))));

        assertThat(allocations).extracting(CurrencyAllocation::currency).containsExactly(EUR, USD);
        assertThat(percents(allocations.get(0))).containsExactly("75.00", "25.00");
        assertThat(allocations.get(0).shares().get(0).account()).isEqualTo(id("e1"));
        assertThat(allocations.get(1).shares().get(0).account()).isEqualTo(id("u2"));
    }

    @Test
    void works_for_currencies_without_decimals() {
        CurrencyAllocation allocation = single(List.of(account("a", jpy("1")), account("b", jpy("2"))));

        assertThat(percents(allocation)).containsExactly("66.67", "33.33");
    }

    @Test
    void does_not_depend_on_input_order() {
        List<AccountBalance> accounts = List.of(
                account("a", usd("1")), account("b", usd("1")), account("c", usd("1")), account("d", usd("3.33")));

        assertThat(single(accounts))
                .isEqualTo(single(List.of(accounts.get(3), accounts.get(1), accounts.get(0), accounts.get(2))));
    }

    @Test
    void gives_nothing_for_no_accounts_and_rejects_duplicates() {
        assertThat(CurrencyAllocation.perCurrency(List.of())).isEmpty();
        assertThatThrownBy(
                        () -> CurrencyAllocation.perCurrency(List.of(account("a", usd("1")), account("a", usd("1")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_shares_that_do_not_add_up_or_break_the_scale() {
        AllocationShare half = new AllocationShare(id("a"), "a", usd("1"), new BigDecimal("50.00"));

        assertThatThrownBy(() -> new CurrencyAllocation(USD, usd("1"), List.of(half), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50.00");
        assertThatThrownBy(() -> new AllocationShare(id("a"), "a", usd("1"), new BigDecimal("50.0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllocationShare(id("a"), "a", usd("1"), new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
