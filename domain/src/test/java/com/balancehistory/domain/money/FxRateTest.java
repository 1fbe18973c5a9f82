package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class FxRateTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY = LocalDate.of(2025, 7, 23);

    @Test
    void keeps_pair_rate_date_and_source() {
        FxRate rate = FxRate.of("EUR", "USD", "1.0834", DAY, " ECB ");

        assertThat(rate.from()).isEqualTo(EUR);
        assertThat(rate.to()).isEqualTo(USD);
        assertThat(rate.rate()).isEqualByComparingTo("1.0834");
        assertThat(rate.date()).isEqualTo(DAY);
        assertThat(rate.source()).isEqualTo("ECB");
    }

    @Test
    void rejects_a_rate_that_is_zero_or_negative() {
        assertThatThrownBy(() -> new FxRate(EUR, USD, BigDecimal.ZERO, DAY, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new FxRate(EUR, USD, new BigDecimal("-1.1"), DAY, "ECB"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_a_rate_between_one_currency_and_itself() {
        assertThatThrownBy(() -> new FxRate(USD, USD, BigDecimal.ONE, DAY, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different currencies");
    }

    @Test
    void rejects_a_rate_without_source_or_date() {
        assertThatThrownBy(() -> new FxRate(EUR, USD, BigDecimal.ONE, DAY, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new FxRate(EUR, USD, BigDecimal.ONE, null, "ECB"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejects_rate_text_that_is_not_a_plain_decimal_or_an_unknown_currency() {
        assertThatThrownBy(() -> FxRate.of("EUR", "USD", "1e0", DAY, "ECB")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> FxRate.of("EUR", "XYZ", "1", DAY, "ECB")).isInstanceOf(UnknownCurrencyException.class);
    }

    @Test
    void gives_the_exact_unrounded_product_for_amounts_in_its_source_currency_only() {
        FxRate rate = FxRate.of("EUR", "USD", "1.0834", DAY, "ECB");

        assertThat(rate.product(Money.parse("10.55", EUR))).isEqualByComparingTo("11.42987");
        assertThatThrownBy(() -> rate.product(Money.parse("10", USD))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void equals_the_same_rate_written_with_trailing_zeros() {
        assertThat(FxRate.of("EUR", "USD", "1.10", DAY, "ECB")).isEqualTo(FxRate.of("EUR", "USD", "1.1", DAY, "ECB"));
        assertThat(FxRate.of("USD", "JPY", "150.000", DAY, "ECB").rate().toPlainString())
                .isEqualTo("150");
    }

    @Test
    void rejects_a_rate_with_more_than_twelve_decimals_or_twelve_integer_digits() {
        assertThatThrownBy(() -> FxRate.of("EUR", "USD", "0.0000000000001", DAY, "ECB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
        assertThatThrownBy(() -> FxRate.of("EUR", "USD", "1000000000000", DAY, "ECB"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FxRate.of("EUR", "USD", "0.000000000001", DAY, "ECB").rate()).isEqualByComparingTo("1E-12");
    }

    @Test
    void parses_the_five_texts_of_a_rate() {
        assertThat(FxRate.parse("EUR", "USD", "1.0834", "2026-11-30", "ECB"))
                .isEqualTo(FxRate.of("EUR", "USD", "1.0834", LocalDate.of(2026, 11, 30), "ECB"));
    }

    @Test
    void names_the_field_at_fault_when_parsing() {
        assertThat(field(() -> FxRate.parse(null, "USD", "1", "2026-11-30", "ECB")))
                .isEqualTo("from");
        assertThat(field(() -> FxRate.parse("EUR", "usd", "1", "2026-11-30", "ECB")))
                .isEqualTo("to");
        assertThat(field(() -> FxRate.parse("EUR", "EUR", "1", "2026-11-30", "ECB")))
                .isEqualTo("to");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "1,08", "2026-11-30", "ECB")))
                .isEqualTo("rate");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "0", "2026-11-30", "ECB")))
                .isEqualTo("rate");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "-1.1", "2026-11-30", "ECB")))
                .isEqualTo("rate");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "1", "30.11.2026", "ECB")))
                .isEqualTo("date");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "1", null, "ECB"))).isEqualTo("date");
        assertThat(field(() -> FxRate.parse("EUR", "USD", "1", "2026-11-30", " ")))
                .isEqualTo("source");
        assertThatThrownBy(() -> FxRate.parse("EUR", "USD", "0", "2026-11-30", "ECB"))
                .hasMessage("rate: exchange rate EUR->USD must be positive, got 0");
    }

    private static String field(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidFxRateException e) {
            return e.field();
        }
        throw new AssertionError("parsed");
    }
}
