package com.balancehistory.application.service.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.port.in.fx.ManageFxRatesUseCase.RateInForce;
import com.balancehistory.application.testing.InMemoryFxRateStore;
import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.Money;
import com.balancehistory.domain.money.MoneyBag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FxRateServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Currency USD = Currency.getInstance("USD");

    private final InMemoryFxRateStore store = new InMemoryFxRateStore();
    private final FxRate configuredEur = FxRate.of("EUR", "USD", "1.05", DAY, "config");
    private final FxRate configuredGbp = FxRate.of("GBP", "USD", "1.25", DAY.minusDays(10), "config");
    private final FxRateService service = new FxRateService(
            store,
            new FxSettings(List.of(configuredEur, configuredGbp), Duration.ofDays(7)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_stored_rate_wins_over_a_configured_one_of_the_same_pair_and_date() {
        FxRate stored = FxRate.of("EUR", "USD", "1.06", DAY, "treasury");
        service.store(List.of(stored), "admin");

        assertThat(service.ratesAt(NOW))
                .containsExactly(
                        new RateInForce(stored, Optional.of(1L), false),
                        new RateInForce(configuredGbp, Optional.empty(), true));
    }

    @Test
    void a_configured_rate_with_a_newer_date_wins_over_an_older_stored_one() {
        service.store(List.of(FxRate.of("EUR", "USD", "1.01", DAY.minusDays(1), "treasury")), "admin");

        assertThat(service.ratesAt(NOW).get(0).rate()).isEqualTo(configuredEur);
    }

    @Test
    void converts_with_the_combined_rates_and_flags_the_stale_one() {
        service.store(List.of(FxRate.of("EUR", "USD", "1.1", DAY, "treasury")), "admin");
        MoneyBag totals =
                MoneyBag.of(Money.parse("100.00", "EUR"), Money.parse("10.00", "GBP"), Money.parse("1", "USD"));

        ConvertedTotal converted = service.convert(totals, USD, NOW);

        // 100.00 * 1.1 + 10.00 * 1.25 + 1.00 = 123.50
        assertThat(converted.total()).isEqualTo(Money.parse("123.50", USD));
        assertThat(converted.rates())
                .extracting(ConvertedTotal.AppliedRate::stale)
                .containsExactly(false, true);
    }

    @Test
    void refuses_an_empty_version_and_disagreeing_rates_for_one_pair_and_date() {
        assertThatThrownBy(() -> service.store(List.of(), "admin")).hasMessageContaining("at least one rate");
        assertThatThrownBy(() -> service.store(
                        List.of(FxRate.of("EUR", "USD", "1.1", DAY, "a"), FxRate.of("EUR", "USD", "1.2", DAY, "b")),
                        "admin"))
                .hasMessageContaining("ambiguous");
        assertThat(service.history()).isEmpty();
    }

    @Test
    void history_keeps_every_version_in_order() {
        service.store(List.of(FxRate.of("EUR", "USD", "1.1", DAY, "a")), "admin");
        service.store(List.of(FxRate.of("EUR", "USD", "1.2", DAY, "b")), "admin");

        assertThat(service.history()).extracting(v -> v.rates().get(0).source()).containsExactly("a", "b");
        assertThat(service.ratesAt(NOW).get(0).rate().source()).isEqualTo("b");
    }
}
