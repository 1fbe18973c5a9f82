package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.EUR;
import static com.balancehistory.domain.analytics.Fixtures.JPY;
import static com.balancehistory.domain.analytics.Fixtures.USD;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.jpy;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthScaleTest {

    @ParameterizedTest
    @CsvSource({
        "75000, 100, EXCELLENT",
        "50000, 100, EXCELLENT",
        "49999.99, 80, GOOD",
        "25000, 80, GOOD",
        "24999.99, 60, FAIR",
        "10000, 60, FAIR",
        "9999.99, 40, LOW",
        "5000, 40, LOW",
        "4999.99, 20, CRITICAL",
        "0, 20, CRITICAL",
        "-100, 20, CRITICAL"
    })
    void rates_dollar_balances_with_the_default_tiers(String balance, int score, String label) {
        HealthScore health = HealthScale.defaults().rate(usd(balance));

        assertThat(health.score()).isEqualTo(OptionalInt.of(score));
        assertThat(health.label()).isEqualTo(label);
        assertThat(health.isRated()).isTrue();
        assertThat(health.balance()).isEqualTo(usd(balance));
    }

    @Test
    void leaves_a_currency_without_tiers_unrated_instead_of_applying_dollar_numbers() {
        HealthScore health = HealthScale.defaults().rate(jpy("5000000"));

        assertThat(health.isRated()).isFalse();
        assertThat(health.score()).isEmpty();
        assertThat(health.label()).isEqualTo(HealthScore.UNRATED);
    }

    @Test
    void rates_a_currency_with_its_own_configured_tiers() {
        HealthTiers yen = new HealthTiers(
                JPY,
                List.of(
                        HealthTier.atLeast(jpy("1000000"), 90, "PLENTY"),
                        HealthTier.atLeast(jpy("100000"), 50, "SOME")),
                10,
                "SCARCE");

        HealthScale scale = HealthScale.defaults().with(yen);

        assertThat(scale.rate(jpy("5000000")).label()).isEqualTo("PLENTY");
        assertThat(scale.rate(jpy("100000")).score()).isEqualTo(OptionalInt.of(50));
        assertThat(scale.rate(jpy("99999")).label()).isEqualTo("SCARCE");
        assertThat(scale.rate(usd("60000")).label()).isEqualTo("EXCELLENT");
        assertThat(scale.tiers(JPY)).contains(yen);
    }

    @Test
    void replaces_the_tiers_of_a_currency() {
        HealthTiers strictDollars =
                new HealthTiers(USD, List.of(HealthTier.atLeast(usd("1000000"), 100, "RICH")), 0, "POOR");

        HealthScale scale = HealthScale.defaults().with(strictDollars);

        assertThat(scale.rate(usd("75000")).label()).isEqualTo("POOR");
    }

    @Test
    void sorts_tiers_highest_minimum_first_whatever_the_configured_order() {
        HealthTiers tiers = new HealthTiers(
                EUR,
                List.of(HealthTier.atLeast(eur("10"), 50, "MID"), HealthTier.atLeast(eur("100"), 90, "HIGH")),
                10,
                "LOWEST");

        assertThat(tiers.tiers()).extracting(HealthTier::label).containsExactly("HIGH", "MID");
        assertThat(tiers.rate(eur("150")).label()).isEqualTo("HIGH");
        assertThat(tiers.rate(eur("10")).label()).isEqualTo("MID");
    }

    @Test
    void a_scale_without_tiers_gives_every_balance_the_floor() {
        HealthTiers flat = new HealthTiers(EUR, List.of(), 50, "UNKNOWN_SHAPE");

        assertThat(flat.rate(eur("1000000")).score()).isEqualTo(OptionalInt.of(50));
    }

    @Test
    void rejects_tiers_that_would_score_a_higher_balance_lower() {
        assertThatThrownBy(() -> new HealthTiers(
                        EUR,
                        List.of(HealthTier.atLeast(eur("100"), 40, "HIGH"), HealthTier.atLeast(eur("10"), 60, "MID")),
                        10,
                        "LOW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HIGH");
        assertThatThrownBy(() -> new HealthTiers(EUR, List.of(HealthTier.atLeast(eur("100"), 40, "HIGH")), 50, "FLOOR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_two_tiers_with_the_same_minimum() {
        assertThatThrownBy(() -> new HealthTiers(
                        EUR,
                        List.of(HealthTier.atLeast(eur("100"), 80, "A"), HealthTier.atLeast(eur("100.00"), 60, "B")),
                        10,
                        "LOW"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_tiers_in_another_currency() {
        assertThatThrownBy(() -> new HealthTiers(EUR, List.of(HealthTier.atLeast(usd("100"), 80, "A")), 10, "LOW"))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> HealthTiers.usdDefaults().rate(eur("1")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> new HealthScale(Map.of(EUR, HealthTiers.usdDefaults())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_scores_outside_zero_to_one_hundred_blank_labels_and_the_reserved_label() {
        Money hundred = eur("100");
        assertThatThrownBy(() -> HealthTier.atLeast(hundred, 101, "A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthTier.atLeast(hundred, -1, "A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthTier.atLeast(hundred, 50, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthTier.atLeast(hundred, 50, HealthScore.UNRATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthScore(hundred, OptionalInt.empty(), "GOOD"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
