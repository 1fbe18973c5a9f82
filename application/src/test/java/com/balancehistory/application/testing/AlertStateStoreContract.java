package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertLifecycle;
import com.balancehistory.domain.alert.AlertReading;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import com.balancehistory.domain.alert.Condition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertStateStore} does; run against the in-memory fake and the PostgreSQL store. Each test uses
 * sources and subjects of its own, since the real store holds other tests' alerts.
 */
public abstract class AlertStateStoreContract {

    private static final Instant T0 = Instant.parse("2021-05-03T06:00:00Z");

    private final AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(15));
    private final AlertKey key = new AlertKey(AlertKind.LOW_BALANCE, "src-" + UUID.randomUUID() + ".budget.b1");

    protected abstract AlertStateStore store();

    private AlertReading reading(Condition condition, String value) {
        return new AlertReading(
                key,
                condition,
                "src",
                Optional.of(new BigDecimal(value)),
                Optional.of(new BigDecimal("1000.00")),
                Optional.of("USD"),
                "Ops: available " + value + " USD");
    }

    private Optional<AlertState> current() {
        return store().states().stream()
                .filter(state -> state.key().equals(key))
                .findFirst();
    }

    @Test
    void a_firing_and_its_resolution_are_stored_as_state_and_as_events_with_their_values() {
        AlertTransition fire = lifecycle.next(current(), reading(Condition.BREACHED, "999.50"), T0);
        Optional<AlertEvent> fired = store().apply(fire);

        assertThat(fired).hasValueSatisfying(event -> {
            assertThat(event.type()).isEqualTo(AlertEvent.Type.FIRED);
            assertThat(event.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("999.50"));
            assertThat(event.threshold()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000.00"));
            assertThat(event.unit()).contains("USD");
            assertThat(event.occurredAt()).isEqualTo(T0);
        });
        assertThat(current())
                .hasValueSatisfying(state -> assertThat(state.active()).isTrue());

        Instant later = T0.plus(Duration.ofMinutes(10));
        Optional<AlertEvent> resolved =
                store().apply(lifecycle.next(current(), reading(Condition.CLEAR, "1200.00"), later));

        assertThat(resolved).hasValueSatisfying(event -> {
            assertThat(event.type()).isEqualTo(AlertEvent.Type.RESOLVED);
            assertThat(event.occurredAt()).isEqualTo(later);
            assertThat(event.firedAt()).isEqualTo(T0);
            assertThat(event.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1200.00"));
        });
        assertThat(current()).hasValueSatisfying(state -> {
            assertThat(state.active()).isFalse();
            assertThat(state.resolvedAt()).contains(later);
        });
        List<AlertEvent> history = store().history(Optional.of(T0), Optional.of(later.plusSeconds(1)), 1000).stream()
                .filter(event -> event.key().equals(key))
                .toList();
        assertThat(history)
                .extracting(AlertEvent::type)
                .containsExactly(AlertEvent.Type.RESOLVED, AlertEvent.Type.FIRED);
        assertThat(store().history(Optional.of(T0), Optional.of(later), 1000))
                .extracting(AlertEvent::key)
                .contains(key)
                .filteredOn(key::equals)
                .hasSize(1);
    }

    @Test
    void a_transition_from_a_state_that_another_instance_already_changed_is_not_applied_twice() {
        AlertTransition fire = lifecycle.next(Optional.empty(), reading(Condition.BREACHED, "10.00"), T0);

        assertThat(store().apply(fire)).isPresent();
        assertThat(store().apply(fire)).isEmpty();

        AlertTransition resolve = lifecycle.next(current(), reading(Condition.CLEAR, "5000.00"), T0.plusSeconds(60));
        assertThat(store().apply(resolve)).isPresent();
        assertThat(store().apply(resolve)).isEmpty();
        assertThat(store().history(Optional.empty(), Optional.empty(), 1000))
                .filteredOn(e -> e.key().equals(key))
                .hasSize(2);
    }

    private void fire(AlertKey alert, String source, Instant at) {
        store().apply(lifecycle.next(
                Optional.empty(),
                new AlertReading(
                        alert,
                        Condition.BREACHED,
                        source,
                        Optional.of(new BigDecimal("1.00")),
                        Optional.of(new BigDecimal("10.00")),
                        Optional.of("USD"),
                        "low"),
                at));
    }

    @Test
    void the_states_of_a_range_of_a_sources_accounts_are_read_card_limits_by_their_card() {
        String source = "range-" + UUID.randomUUID().toString().substring(0, 8);
        List<AlertKey> keys = List.of(
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.a"),
                new AlertKey(AlertKind.LOW_LIMIT, source + ".card-limit.b/monthly"),
                new AlertKey(AlertKind.SIGNIFICANT_CHANGE, source + ".grant.c"),
                new AlertKey(AlertKind.STALE_DATA, source));
        keys.forEach(alert -> fire(alert, source, T0));

        // b's card limit belongs to account b, though "b/monthly" sorts after "b"
        assertThat(store().states(
                                source,
                                new AccountRange(
                                        Optional.of(source + ".budget.a"), Optional.of(source + ".card-limit.b"))))
                .extracting(AlertState::key)
                .containsExactly(keys.get(1));
        assertThat(store().states(source, new AccountRange(Optional.empty(), Optional.of(source + ".budget.a"))))
                .extracting(AlertState::key)
                .containsExactly(keys.get(0));
        assertThat(store().states(source, new AccountRange(Optional.of(source + ".card-limit.b"), Optional.empty())))
                .extracting(AlertState::key)
                .containsExactly(keys.get(2));
        assertThat(store().states(source, AccountRange.ALL))
                .as("the source's staleness is not about an account")
                .hasSize(3);
        assertThat(store().state(keys.get(3)))
                .hasValueSatisfying(state -> assertThat(state.active()).isTrue());
    }

    @Test
    void the_active_states_leave_the_resolved_out() {
        AlertKey resolvedKey = new AlertKey(AlertKind.LOW_BALANCE, "src-" + UUID.randomUUID() + ".budget.gone");
        fire(key, "src", T0);
        fire(resolvedKey, "src", T0);
        AlertState fired = store().state(resolvedKey).orElseThrow();
        store().apply(lifecycle.next(Optional.of(fired), AlertReading.noLongerEvaluated(fired), T0.plusSeconds(60)));

        List<AlertState> active = store().activeStates();

        assertThat(active).allSatisfy(state -> assertThat(state.active()).isTrue());
        assertThat(active).extracting(AlertState::key).contains(key).doesNotContain(resolvedKey);
    }

    @Test
    void states_come_in_kind_then_subject_order() {
        String source = "order-" + UUID.randomUUID().toString().substring(0, 8);
        List<AlertKey> keys = List.of(
                new AlertKey(AlertKind.STALE_DATA, source),
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.z"),
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.a"));
        keys.forEach(alert -> fire(alert, source, T0));

        List<String> order = keys.stream()
                .map(alert -> alert.kind().apiName() + " " + alert.subject())
                .sorted()
                .toList();
        assertThat(store().states().stream()
                        .filter(state -> state.source().equals(source))
                        .map(state ->
                                state.key().kind().apiName() + " " + state.key().subject()))
                .containsExactlyElementsOf(order);
        assertThat(store().activeStates().stream()
                        .filter(state -> state.source().equals(source))
                        .map(state ->
                                state.key().kind().apiName() + " " + state.key().subject()))
                .containsExactlyElementsOf(order);
    }

    @Test
    void the_history_is_the_events_from_the_start_to_before_the_end_newest_first_at_most_the_limit() {
        String source = "history-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2019-02-01T00:00:00Z");
        List<AlertKey> keys = List.of(
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.first"),
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.second"),
                new AlertKey(AlertKind.LOW_BALANCE, source + ".budget.third"));
        for (int i = 0; i < keys.size(); i++) {
            fire(keys.get(i), source, t.plusSeconds(i));
        }

        assertThat(store().history(Optional.of(t), Optional.of(t.plusSeconds(2)), 1000))
                .filteredOn(event -> event.source().equals(source))
                .extracting(AlertEvent::key)
                .containsExactly(keys.get(1), keys.get(0));
        assertThat(store().history(Optional.of(t.plusSeconds(1)), Optional.of(t.plusSeconds(3)), 1))
                .extracting(AlertEvent::key)
                .containsExactly(keys.get(2));
    }
}
