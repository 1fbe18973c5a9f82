package com.balancehistory.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final AlertKey KEY = new AlertKey(AlertKind.LOW_BALANCE, "src.budget.b1");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(30));
    private final Hysteresis band = Hysteresis.of("0.05");

    private AlertReading balance(String value) {
        Condition condition = band.lowerBound(new BigDecimal(value), new BigDecimal("1000"));
        return new AlertReading(
                KEY,
                condition,
                "src",
                Optional.of(new BigDecimal(value)),
                Optional.of(new BigDecimal("1000")),
                Optional.of("USD"),
                "balance " + value);
    }

    @Test
    void a_balance_hovering_at_the_threshold_fires_once_and_resolves_once_past_the_band() {
        List<String> values = List.of("1200", "999", "1001", "998", "1049.99", "1000", "1050", "1100");
        Optional<AlertState> state = Optional.empty();
        List<String> events = new ArrayList<>();
        Instant now = T0;
        for (String value : values) {
            AlertTransition transition = lifecycle.next(state, balance(value), now);
            if (transition instanceof AlertTransition.Fire fire) {
                events.add("fire@" + value);
                state = Optional.of(fire.state());
            } else if (transition instanceof AlertTransition.Resolve resolve) {
                events.add("resolve@" + value);
                state = Optional.of(resolve.state());
            }
            now = now.plus(Duration.ofMinutes(5));
        }
        assertThat(events).containsExactly("fire@999", "resolve@1050");
        assertThat(state.orElseThrow().active()).isFalse();
        assertThat(state.orElseThrow().value()).contains(new BigDecimal("1050"));
        assertThat(state.orElseThrow().firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(state.orElseThrow().resolvedAt()).contains(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void a_first_breach_fires_with_the_values_that_triggered_it() {
        AlertTransition transition = lifecycle.next(Optional.empty(), balance("400.50"), T0);

        assertThat(transition).isInstanceOf(AlertTransition.Fire.class);
        AlertState fired = ((AlertTransition.Fire) transition).state();
        assertThat(fired.active()).isTrue();
        assertThat(fired.value()).contains(new BigDecimal("400.50"));
        assertThat(fired.threshold()).contains(new BigDecimal("1000"));
        assertThat(fired.unit()).contains("USD");
        assertThat(fired.firedAt()).isEqualTo(T0);
        assertThat(fired.version()).isEqualTo(1);
    }

    @Test
    void an_active_alert_is_not_repeated_while_the_condition_holds() {
        AlertState active = ((AlertTransition.Fire) lifecycle.next(Optional.empty(), balance("10"), T0)).state();

        for (int hour = 1; hour <= 48; hour++) {
            assertThat(lifecycle.next(Optional.of(active), balance("5"), T0.plus(Duration.ofHours(hour))))
                    .isInstanceOf(AlertTransition.None.class);
        }
    }

    @Test
    void values_in_the_band_neither_fire_nor_resolve() {
        assertThat(lifecycle.next(Optional.empty(), balance("1000"), T0)).isInstanceOf(AlertTransition.None.class);
        AlertState active = ((AlertTransition.Fire) lifecycle.next(Optional.empty(), balance("999.99"), T0)).state();
        assertThat(lifecycle.next(Optional.of(active), balance("1049.99"), T0))
                .isInstanceOf(AlertTransition.None.class);
    }

    @Test
    void a_new_breach_within_the_cooldown_stays_quiet_and_fires_after_it() {
        AlertState active = ((AlertTransition.Fire) lifecycle.next(Optional.empty(), balance("10"), T0)).state();
        AlertState resolved = ((AlertTransition.Resolve)
                        lifecycle.next(Optional.of(active), balance("2000"), T0.plus(Duration.ofMinutes(10))))
                .state();

        assertThat(lifecycle.next(Optional.of(resolved), balance("10"), T0.plus(Duration.ofMinutes(39))))
                .isInstanceOf(AlertTransition.None.class);
        AlertTransition later = lifecycle.next(Optional.of(resolved), balance("10"), T0.plus(Duration.ofMinutes(40)));
        assertThat(later).isInstanceOf(AlertTransition.Fire.class);
        AlertTransition.Fire refire = (AlertTransition.Fire) later;
        assertThat(refire.previous()).contains(resolved);
        assertThat(refire.state().version()).isEqualTo(resolved.version() + 1);
        assertThat(refire.state().firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
    }

    @Test
    void an_alert_whose_subject_is_no_longer_evaluated_resolves() {
        AlertState active = ((AlertTransition.Fire) lifecycle.next(Optional.empty(), balance("10"), T0)).state();

        AlertTransition transition = lifecycle.next(Optional.of(active), AlertReading.noLongerEvaluated(active), T0);

        assertThat(transition).isInstanceOf(AlertTransition.Resolve.class);
        assertThat(((AlertTransition.Resolve) transition).state().message()).contains("no longer evaluated");
    }

    @Test
    void a_reading_for_another_alert_is_a_bug() {
        AlertState active = ((AlertTransition.Fire) lifecycle.next(Optional.empty(), balance("10"), T0)).state();
        AlertReading other = new AlertReading(
                new AlertKey(AlertKind.STALE_DATA, "src"),
                Condition.CLEAR,
                "src",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "fresh");

        assertThatThrownBy(() -> lifecycle.next(Optional.of(active), other, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hysteresis_for_an_upper_bound_clears_only_below_the_band() {
        Hysteresis tenPercent = Hysteresis.of("0.10");
        assertThat(tenPercent.upperBound(new BigDecimal("3"), new BigDecimal("3")))
                .isEqualTo(Condition.BREACHED);
        assertThat(tenPercent.upperBound(new BigDecimal("2.8"), new BigDecimal("3")))
                .isEqualTo(Condition.IN_BAND);
        assertThat(tenPercent.upperBound(new BigDecimal("2.69"), new BigDecimal("3")))
                .isEqualTo(Condition.CLEAR);
    }

    @Test
    void without_a_band_the_threshold_itself_clears() {
        assertThat(Hysteresis.none().lowerBound(new BigDecimal("1000"), new BigDecimal("1000")))
                .isEqualTo(Condition.CLEAR);
        assertThat(Hysteresis.none().lowerBound(new BigDecimal("999.99"), new BigDecimal("1000")))
                .isEqualTo(Condition.BREACHED);
    }

    @Test
    void a_band_of_one_or_more_or_below_zero_is_rejected() {
        assertThatThrownBy(() -> Hysteresis.of("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hysteresis.of("-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertLifecycle(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kinds_have_stable_api_names() {
        assertThat(AlertKind.SIGNIFICANT_CHANGE.apiName()).isEqualTo("significant-change");
        assertThat(AlertKind.fromApiName("low-limit")).isEqualTo(AlertKind.LOW_LIMIT);
    }
}
