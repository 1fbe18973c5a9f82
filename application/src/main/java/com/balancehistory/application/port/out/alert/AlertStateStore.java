package com.balancehistory.application.port.out.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The state of every alert that ever fired, and the events of its lifecycle. */
public interface AlertStateStore {

    /** Every alert's current state, active or resolved. */
    List<AlertState> states();

    /**
     * The states of the alerts about {@code source}'s accounts in {@code accounts} (balances, card limits and changes;
     * not the source's staleness), compared in the same order as {@link AsOfSnapshots#accountRangeEnd}.
     */
    default List<AlertState> states(String source, AccountRange accounts) {
        return states().stream()
                .filter(state -> state.source().equals(source))
                .filter(state ->
                        state.key().accountId().filter(accounts::contains).isPresent())
                .toList();
    }

    /** The state of one alert; empty when it never fired. */
    default Optional<AlertState> state(AlertKey key) {
        return states().stream().filter(state -> state.key().equals(key)).findFirst();
    }

    /** The active alerts' states, in kind and subject order (the store's). */
    default List<AlertState> activeStates() {
        return states().stream().filter(AlertState::active).toList();
    }

    /** The sources with at least one active alert, in name order. */
    default List<String> activeSources() {
        return activeStates().stream()
                .map(AlertState::source)
                .distinct()
                .sorted()
                .toList();
    }

    /** How many alerts are active, per kind (kinds without one are absent). */
    default Map<AlertKind, Long> activeCounts() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        activeStates().forEach(state -> counts.merge(state.key().kind(), 1L, Long::sum));
        return counts;
    }

    /**
     * Applies a fire or resolve transition together with its event, if the alert's state is still the one the
     * transition started from (another instance may have applied it first). Returns the recorded event, or empty when
     * the transition lost that race.
     */
    default Optional<AlertEvent> apply(AlertTransition transition) {
        return apply(transition, event -> List.of());
    }

    /**
     * As {@link #apply(AlertTransition)}, and writes the deliveries {@code announce} makes of the recorded event to the
     * delivery outbox in the same transaction: a notification is sent if and only if its event was recorded.
     */
    Optional<AlertEvent> apply(AlertTransition transition, Function<AlertEvent, List<OutboundDelivery>> announce);

    /** Events in {@code [from, to)}, newest first. */
    List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit);
}
