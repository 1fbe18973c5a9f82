package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @ParameterizedTest
    @CsvSource({
        "45250.75, 45250.75",
        "94.20, 94.20",
        "50, 50.00",
        "100.0000, 100.00",
        "0, 0.00",
        "-12.5, -12.50",
        "' 7.10 ', 7.10"
    })
    void parses_provider_text_to_the_currency_scale(String text, String expected) {
        Money money = Money.parse(text, USD);

        assertThat(money.toPlainString()).isEqualTo(expected);
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.currency()).isEqualTo(USD);
    }

    @Test
    void parses_with_a_currency_code() {
        assertThat(Money.parse("94.20", "EUR")).isEqualTo(Money.parse("94.2", EUR));
    }

    @Test
    void takes_json_numbers_as_exact_big_decimals_without_passing_through_double() {
        assertThat(Money.of(new BigDecimal("94.5"), USD).toPlainString()).isEqualTo("94.50");
        assertThat(Money.of(new BigDecimal("0.1"), USD).toPlainString()).isEqualTo("0.10");
        // 0.1 as a double is 0.1000000000000000055511151231257827..., which must not sneak in
        assertThatThrownBy(() -> Money.of(new BigDecimal(0.1), USD)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void accepts_a_json_number_written_with_an_exponent_because_its_value_is_exact() {
        assertThat(Money.of(new BigDecimal("1E+5"), USD).toPlainString()).isEqualTo("100000.00");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "abc",
                "NaN",
                "nan",
                "Infinity",
                "-Infinity",
                "1e5",
                "1E5",
                "1.5e2",
                "1,000.00",
                "+5",
                "5.",
                ".5",
                "-",
                "0x10",
                "12 34",
                "1_000"
            })
    void rejects_text_that_is_not_a_plain_decimal(String text) {
        assertThatThrownBy(() -> Money.parse(text, USD)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void rejects_missing_text() {
        assertThatThrownBy(() -> Money.parse(null, USD))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void names_the_offending_text_in_the_error() {
        assertThatThrownBy(() -> Money.parse("1e5", USD))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("'1e5'")
                .hasMessageContaining("not a plain decimal");
        assertThatThrownBy(() -> Money.parse("", USD)).hasMessageContaining("empty");
    }

    @Test
    void rejects_absurdly_long_text_without_echoing_all_of_it() {
        String text = "1".repeat(100);

        assertThatThrownBy(() -> Money.parse(text, USD))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageNotContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "usd", "US", "USDT", "", "12$"})
    void rejects_unknown_or_malformed_currency_codes(String code) {
        assertThatThrownBy(() -> Money.parse("1.00", code)).isInstanceOf(UnknownCurrencyException.class);
    }

    @Test
    void rejects_a_missing_currency_code() {
        assertThatThrownBy(() -> Money.parse("1.00", (String) null)).isInstanceOf(UnknownCurrencyException.class);
    }

    @Test
    void rejects_currencies_without_a_minor_unit() {
        assertThatThrownBy(() -> Money.parse("1", "XAU"))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("no minor unit");
    }

    @ParameterizedTest
    @CsvSource({"USD, 10.001", "JPY, 10.5", "BHD, 1.0005", "USD, 0.005"})
    void rejects_amounts_with_more_decimals_than_the_currency_allows(String code, String text) {
        assertThatThrownBy(() -> Money.parse(text, code))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("more decimals than " + code);
    }

    @ParameterizedTest
    @CsvSource({"USD, 10.000, 10.00", "JPY, 500.00, 500", "BHD, 1.0000, 1.000", "JPY, 7, 7"})
    void accepts_extra_decimals_that_are_only_trailing_zeros(String code, String text, String expected) {
        assertThat(Money.parse(text, code).toPlainString()).isEqualTo(expected);
    }

    @Test
    void holds_each_currency_at_its_iso_scale() {
        assertThat(Money.parse("1500", JPY).amount().scale()).isZero();
        assertThat(Money.parse("15", USD).amount().scale()).isEqualTo(2);
        assertThat(Money.parse("1.5", BHD).amount().scale()).isEqualTo(3);
        assertThat(Money.parse("1.5", BHD).toPlainString()).isEqualTo("1.500");
        assertThat(Money.zero(JPY).toPlainString()).isEqualTo("0");
    }

    @Test
    void is_equal_by_value_regardless_of_written_decimals() {
        Money short_ = Money.parse("10.5", EUR);
        Money long_ = Money.parse("10.50", EUR);

        assertThat(short_).isEqualTo(long_);
        assertThat(short_.hashCode()).isEqualTo(long_.hashCode());
        assertThat(short_.compareTo(long_)).isZero();
    }

    @Test
    void is_not_equal_to_the_same_number_in_another_currency() {
        assertThat(Money.parse("10.00", USD)).isNotEqualTo(Money.parse("10.00", EUR));
    }

    @Test
    void treats_minus_zero_as_zero() {
        Money minusZero = Money.parse("-0.00", USD);

        assertThat(minusZero).isEqualTo(Money.zero(USD));
        assertThat(minusZero.isZero()).isTrue();
        assertThat(minusZero.isNegative()).isFalse();
    }

    @Test
    void adds_and_subtracts_in_one_currency() {
        Money a = Money.parse("45250.75", USD);
        Money b = Money.parse("0.25", USD);

        assertThat(a.plus(b)).isEqualTo(Money.parse("45251", USD));
        assertThat(b.minus(a)).isEqualTo(Money.parse("-45250.50", USD));
        assertThat(a.negate().abs()).isEqualTo(a);
    }

    @Test
    void refuses_arithmetic_and_comparison_across_currencies() {
        Money dollars = Money.parse("1", USD);
        Money euros = Money.parse("1", EUR);

        assertThatThrownBy(() -> dollars.plus(euros))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.isLessThan(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.max(euros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void compares_amounts_in_one_currency() {
        Money small = Money.parse("9.99", USD);
        Money large = Money.parse("10", USD);

        assertThat(small.isLessThan(large)).isTrue();
        assertThat(large.isGreaterThan(small)).isTrue();
        assertThat(large.isAtLeast(Money.parse("10.00", USD))).isTrue();
        assertThat(small.min(large)).isSameAs(small);
        assertThat(small.max(large)).isSameAs(large);
    }

    @Test
    void multiplies_rounding_half_even_to_the_currency_scale() {
        assertThat(Money.parse("0.25", USD).times(new BigDecimal("0.5"))).isEqualTo(Money.parse("0.12", USD));
        assertThat(Money.parse("0.35", USD).times(new BigDecimal("0.5"))).isEqualTo(Money.parse("0.18", USD));
        assertThat(Money.parse("5", JPY).times(new BigDecimal("0.5"))).isEqualTo(Money.parse("2", JPY));
    }

    @Test
    void prints_amount_and_currency_code() {
        assertThat(Money.parse("94.2", USD)).hasToString("94.20 USD");
        assertThat(Money.parse("1500", JPY)).hasToString("1500 JPY");
    }

    @Test
    void an_amount_beyond_the_stored_width_is_rejected_from_its_size_alone() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), "USD"))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessage("amount 1E+999999999 has more than 20 digits before the decimal point");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-999999999"), "USD"))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("more than 40 decimals");
        assertThat(Money.of(new BigDecimal("0e999999999"), "USD")).isEqualTo(Money.zero(CurrencyCodes.require("USD")));
        assertThat(Money.of(new BigDecimal("99999999999999999999.99"), "USD").toPlainString())
                .isEqualTo("99999999999999999999.99");
    }
}
