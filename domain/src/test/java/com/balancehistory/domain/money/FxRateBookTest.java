package com.balancehistory.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxRateBookTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void a_rate_dated_on_a_day_applies_from_the_start_of_that_day_in_utc() {
        FxRateBook book = FxRateBook.of(List.of(FxRate.of("EUR", "USD", "1.05", DAY, "ECB")), WEEK);

        assertThat(book.rate(EUR, USD, Instant.parse("2026-11-29T23:59:59Z"))).isEmpty();
        assertThat(book.rate(EUR, USD, Instant.parse("2026-11-30T00:00:00Z")))
                .map(FxRate::rate)
                .contains(new java.math.BigDecimal("1.05"));
    }

    @Test
    void picks_per_pair_the_newest_rate_at_or_before_the_as_of_time() {
        FxRate eurOld = FxRate.of("EUR", "USD", "1.01", DAY.minusDays(2), "ECB");
        FxRate eurNew = FxRate.of("EUR", "USD", "1.02", DAY, "ECB");
        FxRate gbp = FxRate.of("GBP", "USD", "1.30", DAY.minusDays(1), "BoE");
        FxRate future = FxRate.of("EUR", "USD", "1.09", DAY.plusDays(1), "ECB");
        FxRateBook book = FxRateBook.of(List.of(future, eurOld, gbp, eurNew), WEEK);

        assertThat(book.ratesAt(Instant.parse("2026-11-30T12:00:00Z"))).containsExactly(eurNew, gbp);
        assertThat(book.ratesAt(Instant.parse("2026-11-29T12:00:00Z"))).containsExactly(eurOld, gbp);
        assertThat(book.all()).containsExactly(eurOld, eurNew, future, gbp);
    }

    @Test
    void a_later_layer_wins_on_the_same_pair_and_date_and_leaves_other_dates() {
        FxRate configured = FxRate.of("EUR", "USD", "1.01", DAY, "config");
        FxRate configuredEarlier = FxRate.of("EUR", "USD", "1.00", DAY.minusDays(1), "config");
        FxRate stored = FxRate.of("EUR", "USD", "1.02", DAY, "admin");
        FxRateBook book = FxRateBook.layered(List.of(List.of(configured, configuredEarlier), List.of(stored)), WEEK);

        assertThat(book.rate(EUR, USD, Instant.parse("2026-11-30T12:00:00Z"))).contains(stored);
        assertThat(book.rate(EUR, USD, Instant.parse("2026-11-29T12:00:00Z"))).contains(configuredEarlier);
    }

    @Test
    void a_newer_date_wins_whichever_layer_it_is_in() {
        FxRate configuredNewer = FxRate.of("EUR", "USD", "1.03", DAY, "config");
        FxRate storedOlder = FxRate.of("EUR", "USD", "1.02", DAY.minusDays(1), "admin");
        FxRateBook book = FxRateBook.layered(List.of(List.of(configuredNewer), List.of(storedOlder)), WEEK);

        assertThat(book.rate(EUR, USD, Instant.parse("2026-11-30T12:00:00Z"))).contains(configuredNewer);
    }

    @Test
    void refuses_two_different_rates_for_the_same_pair_and_date_in_one_layer() {
        FxRate ecb = FxRate.of("EUR", "USD", "1.10", DAY, "ECB");
        FxRate other = FxRate.of("EUR", "USD", "1.12", DAY, "other bank");

        assertThatThrownBy(() -> FxRateBook.of(List.of(ecb, other), WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("ECB")
                .hasMessageContaining("other bank");
        assertThat(FxRateBook.of(List.of(ecb, FxRate.of("EUR", "USD", "1.1", DAY, "ECB")), WEEK)
                        .all())
                .containsExactly(ecb);
    }

    @Test
    void a_rate_is_stale_once_older_than_the_configured_age_from_the_start_of_its_date() {
        FxRateBook book = FxRateBook.empty(WEEK);
        FxRate rate = FxRate.of("EUR", "USD", "1.05", DAY, "ECB");

        assertThat(FxRateBook.age(rate, Instant.parse("2026-12-01T06:00:00Z"))).isEqualTo(Duration.ofHours(30));
        assertThat(book.isStale(rate, Instant.parse("2026-12-07T00:00:00Z"))).isFalse();
        assertThat(book.isStale(rate, Instant.parse("2026-12-07T00:00:01Z"))).isTrue();
    }

    @Test
    void refuses_a_stale_age_that_is_not_positive() {
        assertThatThrownBy(() -> FxRateBook.empty(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
