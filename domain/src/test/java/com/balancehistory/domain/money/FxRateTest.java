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
    void converts_only_amounts_in_its_source_currency() {
        FxRate rate = FxRate.of("EUR", "USD", "1.1", DAY, "ECB");

        assertThat(rate.convert(Money.parse("10", EUR))).isEqualTo(Money.parse("11", USD));
        assertThatThrownBy(() -> rate.convert(Money.parse("10", USD))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void converts_to_the_three_decimal_scale_of_dinars() {
        FxRate usdBhd = FxRate.of("USD", "BHD", "0.376", DAY, "CBB");

        // 10.01 * 0.376 = 3.76376 -> 3.764
        assertThat(usdBhd.convert(Money.parse("10.01", USD))).isEqualTo(Money.parse("3.764", "BHD"));
    }
}
