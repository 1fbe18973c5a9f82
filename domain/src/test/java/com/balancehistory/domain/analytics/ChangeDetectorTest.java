package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.EUR;
import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.money.CurrencyMismatchException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    @Test
    void finds_nothing_when_the_balance_did_not_change() {
        assertThat(ChangeDetector.everyChange().detect(usd("10.5"), usd("10.50")))
                .isEmpty();
    }

    @Test
    void describes_a_change_from_previous_to_current() {
        BalanceChange change =
                ChangeDetector.everyChange().detect(usd("100"), usd("80")).orElseThrow();

        assertThat(change.previous()).isEqualTo(usd("100"));
        assertThat(change.current()).isEqualTo(usd("80"));
        assertThat(change.change()).isEqualTo(usd("-20"));
        assertThat(change.isDecrease()).isTrue();
        assertThat(change.isIncrease()).isFalse();
        assertThat(change.percentOfPrevious()).contains(new BigDecimal("-20.00"));
    }

    @Test
    void without_any_threshold_every_change_is_significant() {
        assertThat(ChangeDetector.everyChange()
                        .detect(usd("100"), usd("100.01"))
                        .orElseThrow()
                        .significant())
                .isTrue();
    }

    @Test
    void an_absolute_threshold_is_reached_by_the_size_of_the_change_in_either_direction() {
        ChangeDetector detector = ChangeDetector.atLeast(usd("50"));

        assertThat(detector.detect(usd("100"), usd("150")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("100"), usd("50")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("100"), usd("50.01")).orElseThrow().significant())
                .isFalse();
        assertThat(detector.detect(usd("100"), usd("149.99")).orElseThrow().significant())
                .isFalse();
    }

    @Test
    void a_percentage_threshold_compares_exactly_with_the_previous_balance() {
        ChangeDetector detector = ChangeDetector.atLeastPercent(new BigDecimal("5"));

        assertThat(detector.detect(usd("200"), usd("210")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("200"), usd("209.99")).orElseThrow().significant())
                .isFalse();
        // 5 % of 0.33 is 0.0165, which no cent amount equals: 0.01 falls short, 0.02 reaches it
        assertThat(detector.detect(usd("0.33"), usd("0.34")).orElseThrow().significant())
                .isFalse();
        assertThat(detector.detect(usd("0.33"), usd("0.35")).orElseThrow().significant())
                .isTrue();
    }

    @Test
    void a_percentage_is_measured_against_the_size_of_a_negative_previous_balance() {
        ChangeDetector detector = ChangeDetector.atLeastPercent(new BigDecimal("10"));

        BalanceChange change = detector.detect(usd("-100"), usd("-90")).orElseThrow();

        assertThat(change.significant()).isTrue();
        assertThat(change.percentOfPrevious()).contains(new BigDecimal("10.00"));
    }

    @Test
    void any_change_from_zero_reaches_a_percentage_threshold() {
        BalanceChange change = ChangeDetector.atLeastPercent(new BigDecimal("50"))
                .detect(usd("0"), usd("0.01"))
                .orElseThrow();

        assertThat(change.significant()).isTrue();
        assertThat(change.percentOfPrevious()).isEmpty();
    }

    @Test
    void with_both_thresholds_reaching_either_one_is_enough() {
        ChangeDetector detector = ChangeDetector.atLeast(usd("100")).withMinimumPercent(new BigDecimal("10"));

        assertThat(detector.detect(usd("50"), usd("56")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("10000"), usd("10100")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("10000"), usd("10099")).orElseThrow().significant())
                .isFalse();
    }

    @Test
    void applies_absolute_thresholds_per_currency() {
        ChangeDetector detector = ChangeDetector.atLeast(usd("100"), eur("10"));

        assertThat(detector.detect(eur("100"), eur("111")).orElseThrow().significant())
                .isTrue();
        assertThat(detector.detect(usd("100"), usd("111")).orElseThrow().significant())
                .isFalse();
    }

    @Test
    void a_currency_without_its_own_absolute_threshold_uses_the_percentage_if_any_else_counts_every_change() {
        ChangeDetector dollarsOnly = ChangeDetector.atLeast(usd("100"));
        ChangeDetector withPercent = dollarsOnly.withMinimumPercent(new BigDecimal("50"));

        assertThat(dollarsOnly.detect(eur("100"), eur("100.01")).orElseThrow().significant())
                .isTrue();
        assertThat(withPercent.detect(eur("100"), eur("149")).orElseThrow().significant())
                .isFalse();
        assertThat(withPercent.detect(eur("100"), eur("150")).orElseThrow().significant())
                .isTrue();
    }

    @Test
    void replaces_the_threshold_of_a_currency() {
        ChangeDetector detector = ChangeDetector.atLeast(usd("100")).withMinimum(usd("1"));

        assertThat(detector.minimumAbsolute())
                .containsEntry(Fixtures.USD, usd("1"))
                .hasSize(1);
    }

    @Test
    void rejects_snapshots_in_two_currencies() {
        assertThatThrownBy(() -> ChangeDetector.everyChange().detect(usd("1"), eur("1")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void rejects_thresholds_that_are_not_positive_or_filed_under_another_currency() {
        assertThatThrownBy(() -> ChangeDetector.atLeast(usd("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeDetector.atLeastPercent(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeDetector(Map.of(EUR, usd("5")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_balance_change_must_equal_current_minus_previous() {
        assertThatThrownBy(() -> new BalanceChange(usd("10"), usd("15"), usd("4"), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BalanceChange.between(usd("10"), usd("15"), false).change()).isEqualTo(usd("5"));
    }
}
