package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyBagTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final LocalDate DAY = LocalDate.of(2025, 7, 23);

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }

    private static Money jpy(String amount) {
        return Money.parse(amount, JPY);
    }

    @Test
    void totals_each_currency_separately_sorted_by_code() {
        MoneyBag bag = MoneyBag.of(usd("10.50"), jpy("1500"), eur("3"), usd("0.50"), jpy("500"));

        assertThat(bag.totals()).containsExactly(eur("3"), jpy("2000"), usd("11"));
        assertThat(bag.currencies()).containsExactly(EUR, JPY, USD);
    }

    @Test
    void gives_the_total_of_one_currency_or_nothing_when_absent() {
        MoneyBag bag = MoneyBag.of(usd("1"), usd("2"));

        assertThat(bag.total(USD)).contains(usd("3"));
        assertThat(bag.total(EUR)).isEmpty();
    }

    @Test
    void keeps_a_currency_whose_total_is_zero() {
        MoneyBag bag = MoneyBag.of(usd("5"), usd("-5"));

        assertThat(bag.totals()).containsExactly(Money.zero(USD));
        assertThat(bag.isEmpty()).isFalse();
    }

    @Test
    void is_empty_without_amounts() {
        assertThat(MoneyBag.empty().isEmpty()).isTrue();
        assertThat(MoneyBag.empty().totals()).isEmpty();
        assertThat(MoneyBag.of(List.of())).isEqualTo(MoneyBag.empty());
    }

    @Test
    void adding_returns_a_new_bag_and_leaves_the_original_unchanged() {
        MoneyBag original = MoneyBag.of(usd("1"));

        MoneyBag bigger = original.plus(eur("2")).plus(usd("1"));

        assertThat(original.totals()).containsExactly(usd("1"));
        assertThat(bigger.totals()).containsExactly(eur("2"), usd("2"));
    }

    @Test
    void merges_two_bags_per_currency() {
        MoneyBag merged = MoneyBag.of(usd("1"), jpy("10")).plus(MoneyBag.of(usd("2"), eur("5")));

        assertThat(merged).isEqualTo(MoneyBag.of(eur("5"), jpy("10"), usd("3")));
        assertThat(merged).hasToString("[5.00 EUR, 10 JPY, 3.00 USD]");
    }

    @Test
    void is_equal_by_totals() {
        assertThat(MoneyBag.of(usd("1"), usd("2")))
                .isEqualTo(MoneyBag.of(usd("3.00")))
                .hasSameHashCodeAs(MoneyBag.of(usd("3.00")));
        assertThat(MoneyBag.of(usd("3"))).isNotEqualTo(MoneyBag.of(eur("3")));
    }

    @Test
    void totals_list_cannot_be_modified() {
        List<Money> totals = MoneyBag.of(usd("1")).totals();

        assertThatThrownBy(() -> totals.add(eur("1"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void converts_with_explicit_rates_rounding_half_even_to_the_target_scale() {
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.085", DAY, "ECB");
        FxRate jpyUsd = FxRate.of("JPY", "USD", "0.0067", DAY, "ECB");
        // 10.50 EUR * 1.085 = 11.3925 -> 11.39 ; 1500 JPY * 0.0067 = 10.05 ; plus 1.00 USD as is
        MoneyBag bag = MoneyBag.of(eur("10.50"), jpy("1500"), usd("1"));

        ConvertedTotal converted = bag.convertTo(USD, List.of(eurUsd, jpyUsd));

        assertThat(converted.total()).isEqualTo(usd("22.44"));
        assertThat(converted.target()).isEqualTo(USD);
        assertThat(converted.ratesUsed()).containsExactly(eurUsd, jpyUsd);
        assertThat(converted.partial()).isFalse();
        assertThat(converted.missingRates()).isEmpty();
    }

    @Test
    void rounds_a_half_cent_to_the_even_neighbour() {
        // 0.25 EUR * 0.5 = 0.125 -> 0.12 ; 0.35 EUR * 0.5 = 0.175 -> 0.18
        FxRate half = FxRate.of("EUR", "USD", "0.5", DAY, "test");

        assertThat(MoneyBag.of(eur("0.25")).convertTo(USD, List.of(half)).total())
                .isEqualTo(usd("0.12"));
        assertThat(MoneyBag.of(eur("0.35")).convertTo(USD, List.of(half)).total())
                .isEqualTo(usd("0.18"));
    }

    @Test
    void converts_each_currency_total_once_rather_than_each_amount() {
        // two 0.01 EUR at 0.5: converting each would give 0.00 + 0.00; the total 0.02 EUR gives 0.01
        FxRate half = FxRate.of("EUR", "USD", "0.5", DAY, "test");

        assertThat(MoneyBag.of(eur("0.01"), eur("0.01"))
                        .convertTo(USD, List.of(half))
                        .total())
                .isEqualTo(usd("0.01"));
    }

    @Test
    void excludes_and_reports_currencies_without_a_rate_instead_of_guessing() {
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.1", DAY, "ECB");
        MoneyBag bag = MoneyBag.of(usd("1"), eur("10"), jpy("1000"), Money.parse("5", GBP));

        ConvertedTotal converted = bag.convertTo(USD, List.of(eurUsd));

        assertThat(converted.total()).isEqualTo(usd("12"));
        assertThat(converted.partial()).isTrue();
        assertThat(converted.missingRates()).containsExactly(GBP, JPY);
        assertThat(converted.ratesUsed()).containsExactly(eurUsd);
    }

    @Test
    void does_not_derive_an_inverse_rate() {
        FxRate usdEur = FxRate.of("USD", "EUR", "0.9", DAY, "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("10")).convertTo(USD, List.of(usdEur));

        assertThat(converted.total()).isEqualTo(Money.zero(USD));
        assertThat(converted.missingRates()).containsExactly(EUR);
        assertThat(converted.ratesUsed()).isEmpty();
    }

    @Test
    void lists_only_the_rates_it_used() {
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.1", DAY, "ECB");
        FxRate gbpUsd = FxRate.of("GBP", "USD", "1.3", DAY, "ECB");
        FxRate eurJpy = FxRate.of("EUR", "JPY", "160", DAY, "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("1")).convertTo(USD, List.of(gbpUsd, eurJpy, eurUsd));

        assertThat(converted.ratesUsed()).containsExactly(eurUsd);
    }

    @Test
    void uses_the_latest_rate_when_several_dates_are_given() {
        FxRate old = FxRate.of("EUR", "USD", "1.0", DAY.minusDays(1), "ECB");
        FxRate latest = FxRate.of("EUR", "USD", "1.2", DAY, "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("10")).convertTo(USD, List.of(latest, old));

        assertThat(converted.total()).isEqualTo(usd("12"));
        assertThat(converted.ratesUsed()).singleElement().satisfies(rate -> {
            assertThat(rate.date()).isEqualTo(DAY);
            assertThat(rate.source()).isEqualTo("ECB");
        });
    }

    @Test
    void rejects_disagreeing_rates_for_the_same_pair_and_day() {
        FxRate ecb = FxRate.of("EUR", "USD", "1.10", DAY, "ECB");
        FxRate other = FxRate.of("EUR", "USD", "1.12", DAY, "other bank");

        assertThatThrownBy(() -> MoneyBag.of(eur("1")).convertTo(USD, List.of(ecb, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("ECB")
                .hasMessageContaining("other bank");
    }

    @Test
    void accepts_the_same_rate_from_two_sources_on_one_day() {
        FxRate ecb = FxRate.of("EUR", "USD", "1.10", DAY, "ECB");
        FxRate other = FxRate.of("EUR", "USD", "1.1", DAY, "other bank");

        assertThat(MoneyBag.of(eur("10")).convertTo(USD, List.of(ecb, other)).total())
                .isEqualTo(usd("11"));
    }

    @Test
    void converts_into_a_currency_without_decimals() {
        FxRate usdJpy = FxRate.of("USD", "JPY", "150.5", DAY, "ECB");

        // 1.01 USD * 150.5 = 152.005 -> 152
        assertThat(MoneyBag.of(usd("1.01")).convertTo(JPY, List.of(usdJpy)).total())
                .isEqualTo(jpy("152"));
    }

    @Test
    void converts_an_empty_bag_to_zero_that_is_not_partial() {
        ConvertedTotal converted = MoneyBag.empty().convertTo(EUR, List.of());

        assertThat(converted.total()).isEqualTo(Money.zero(EUR));
        assertThat(converted.partial()).isFalse();
    }

    @Test
    void rejects_a_converted_total_whose_rates_lead_elsewhere() {
        FxRate eurJpy = FxRate.of("EUR", "JPY", "160", DAY, "ECB");

        assertThatThrownBy(() -> new ConvertedTotal(usd("1"), List.of(eurJpy), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
