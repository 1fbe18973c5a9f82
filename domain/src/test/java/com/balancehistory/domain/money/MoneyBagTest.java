package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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

    private static final Instant AS_OF = Instant.parse("2025-07-23T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static FxRateBook book(FxRate... rates) {
        return FxRateBook.of(List.of(rates), WEEK);
    }

    @Test
    void converts_with_explicit_rates_summing_exact_products_and_rounding_once() {
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.085", DAY, "ECB");
        FxRate jpyUsd = FxRate.of("JPY", "USD", "0.0067", DAY, "ECB");
        // 10.50 EUR * 1.085 = 11.3925 ; 1500 JPY * 0.0067 = 10.05 ; 1.00 USD as is -> 22.4425 -> 22.44
        MoneyBag bag = MoneyBag.of(eur("10.50"), jpy("1500"), usd("1"));

        ConvertedTotal converted = bag.convertTo(USD, book(eurUsd, jpyUsd), AS_OF);

        assertThat(converted.total()).isEqualTo(usd("22.44"));
        assertThat(converted.target()).isEqualTo(USD);
        assertThat(converted.rates())
                .extracting(ConvertedTotal.AppliedRate::rate)
                .containsExactly(eurUsd, jpyUsd);
        assertThat(converted.rates().get(0).amount()).isEqualTo(eur("10.50"));
        assertThat(converted.rates().get(0).product()).isEqualByComparingTo("11.3925");
        assertThat(converted.partial()).isFalse();
        assertThat(converted.missingCurrencies()).isEmpty();
        assertThat(converted.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void rounds_once_at_the_end_so_half_cents_of_two_currencies_add_up() {
        // 0.25 EUR * 0.5 = 0.125 and 0.25 GBP * 0.5 = 0.125: rounding each would give 0.12 + 0.12 = 0.24;
        // the exact sum 0.250 is 0.25
        FxRate eurUsd = FxRate.of("EUR", "USD", "0.5", DAY, "test");
        FxRate gbpUsd = FxRate.of("GBP", "USD", "0.5", DAY, "test");

        ConvertedTotal converted =
                MoneyBag.of(eur("0.25"), Money.parse("0.25", GBP)).convertTo(USD, book(eurUsd, gbpUsd), AS_OF);

        assertThat(converted.total()).isEqualTo(usd("0.25"));
    }

    @Test
    void rounds_a_half_cent_to_the_even_neighbour() {
        // 0.25 EUR * 0.5 = 0.125 -> 0.12 ; 0.35 EUR * 0.5 = 0.175 -> 0.18
        FxRate half = FxRate.of("EUR", "USD", "0.5", DAY, "test");

        assertThat(MoneyBag.of(eur("0.25")).convertTo(USD, book(half), AS_OF).total())
                .isEqualTo(usd("0.12"));
        assertThat(MoneyBag.of(eur("0.35")).convertTo(USD, book(half), AS_OF).total())
                .isEqualTo(usd("0.18"));
    }

    @Test
    void leaves_out_and_reports_currencies_without_a_rate_instead_of_guessing() {
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.1", DAY, "ECB");
        MoneyBag bag = MoneyBag.of(usd("1"), eur("10"), jpy("1000"), Money.parse("5", GBP));

        ConvertedTotal converted = bag.convertTo(USD, book(eurUsd), AS_OF);

        assertThat(converted.total()).isEqualTo(usd("12"));
        assertThat(converted.partial()).isTrue();
        assertThat(converted.missingCurrencies()).containsExactly(GBP, JPY);
        assertThat(converted.leftOut()).containsExactly(Money.parse("5", GBP), jpy("1000"));
        assertThat(converted.rates())
                .extracting(ConvertedTotal.AppliedRate::rate)
                .containsExactly(eurUsd);
    }

    @Test
    void needs_no_rate_for_amounts_already_in_the_target_currency() {
        ConvertedTotal converted = MoneyBag.of(usd("1.10"), usd("2.20")).convertTo(USD, book(), AS_OF);

        assertThat(converted.total()).isEqualTo(usd("3.30"));
        assertThat(converted.partial()).isFalse();
        assertThat(converted.rates()).isEmpty();
    }

    @Test
    void does_not_derive_an_inverse_rate() {
        FxRate usdEur = FxRate.of("USD", "EUR", "0.9", DAY, "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("10")).convertTo(USD, book(usdEur), AS_OF);

        assertThat(converted.total()).isEqualTo(Money.zero(USD));
        assertThat(converted.missingCurrencies()).containsExactly(EUR);
        assertThat(converted.rates()).isEmpty();
    }

    @Test
    void does_not_derive_a_cross_rate_through_a_third_currency() {
        FxRate gbpEur = FxRate.of("GBP", "EUR", "1.17", DAY, "ECB");
        FxRate eurUsd = FxRate.of("EUR", "USD", "1.08", DAY, "ECB");

        ConvertedTotal converted = MoneyBag.of(Money.parse("10", GBP)).convertTo(USD, book(gbpEur, eurUsd), AS_OF);

        assertThat(converted.partial()).isTrue();
        assertThat(converted.missingCurrencies()).containsExactly(GBP);
    }

    @Test
    void uses_the_newest_rate_dated_at_or_before_the_as_of_time() {
        FxRate older = FxRate.of("EUR", "USD", "1.0", DAY.minusDays(1), "ECB");
        FxRate onTheDay = FxRate.of("EUR", "USD", "1.2", DAY, "ECB");
        FxRate later = FxRate.of("EUR", "USD", "1.5", DAY.plusDays(1), "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("10")).convertTo(USD, book(later, onTheDay, older), AS_OF);

        assertThat(converted.total()).isEqualTo(usd("12"));
        assertThat(converted.rates()).singleElement().satisfies(applied -> {
            assertThat(applied.rate().date()).isEqualTo(DAY);
            assertThat(applied.rate().source()).isEqualTo("ECB");
        });
    }

    @Test
    void a_rate_dated_after_the_as_of_time_counts_as_missing() {
        FxRate later = FxRate.of("EUR", "USD", "1.5", DAY.plusDays(1), "ECB");

        ConvertedTotal converted = MoneyBag.of(eur("10")).convertTo(USD, book(later), AS_OF);

        assertThat(converted.partial()).isTrue();
        assertThat(converted.total()).isEqualTo(Money.zero(USD));
    }

    @Test
    void flags_a_rate_older_than_the_configured_age_as_stale_but_still_uses_it() {
        FxRate old = FxRate.of("EUR", "USD", "1.1", DAY.minusDays(8), "ECB");
        FxRate recent = FxRate.of("GBP", "USD", "1.3", DAY.minusDays(7), "BoE");

        ConvertedTotal converted = MoneyBag.of(eur("10"), Money.parse("10", GBP))
                .convertTo(USD, FxRateBook.of(List.of(old, recent), WEEK), Instant.parse("2025-07-23T00:00:00Z"));

        assertThat(converted.total()).isEqualTo(usd("24"));
        assertThat(converted.rates())
                .extracting(ConvertedTotal.AppliedRate::stale)
                .containsExactly(true, false);
        assertThat(converted.anyStale()).isTrue();
    }

    @Test
    void converts_into_a_currency_without_decimals() {
        FxRate usdJpy = FxRate.of("USD", "JPY", "150.5", DAY, "ECB");

        // 1.01 USD * 150.5 = 152.005 -> 152
        assertThat(MoneyBag.of(usd("1.01")).convertTo(JPY, book(usdJpy), AS_OF).total())
                .isEqualTo(jpy("152"));
    }

    @Test
    void converts_into_dinars_at_three_decimals() {
        FxRate usdBhd = FxRate.of("USD", "BHD", "0.376", DAY, "CBB");

        // 10.01 * 0.376 = 3.76376 -> 3.764
        assertThat(MoneyBag.of(usd("10.01"))
                        .convertTo(Currency.getInstance("BHD"), book(usdBhd), AS_OF)
                        .total())
                .isEqualTo(Money.parse("3.764", "BHD"));
    }

    @Test
    void converts_an_empty_bag_to_zero_that_is_not_partial() {
        ConvertedTotal converted = MoneyBag.empty().convertTo(EUR, book(), AS_OF);

        assertThat(converted.total()).isEqualTo(Money.zero(EUR));
        assertThat(converted.partial()).isFalse();
    }

    @Test
    void rejects_a_converted_total_whose_rates_lead_elsewhere() {
        FxRate eurJpy = FxRate.of("EUR", "JPY", "160", DAY, "ECB");
        ConvertedTotal.AppliedRate applied =
                new ConvertedTotal.AppliedRate(eurJpy, eur("1"), eurJpy.product(eur("1")), false);

        assertThatThrownBy(() -> new ConvertedTotal(usd("1"), AS_OF, List.of(applied), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
