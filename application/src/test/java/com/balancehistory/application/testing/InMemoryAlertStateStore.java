package com.balancehistory.application.testing;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-memory twin of the alert state and event tables, with the same version check; checked against the
 * PostgreSQL store by {@link AlertStateStoreContract}. Its fields are open for tests to look into.
 */
public final class InMemoryAlertStateStore implements AlertStateStore {

    /** The store's order of states: by kind's name, then subject. */
    private static final Comparator<AlertState> ORDER = Comparator.<AlertState, String>comparing(
                    state -> state.key().kind().apiName())
            .thenComparing(state -> state.key().subject());

    public final Map<AlertKey, AlertState> states = new HashMap<>();
    public final List<AlertEvent> events = new ArrayList<>();
    public final List<DeliveryPayload> announced = new ArrayList<>();

    @Override
    public List<AlertState> states() {
        return states.values().stream().sorted(ORDER).toList();
    }

    @Override
    public Optional<AlertEvent> apply(
            AlertTransition transition, Function<AlertEvent, List<OutboundDelivery>> announce) {
        AlertState next;
        Optional<AlertState> previous;
        AlertEvent.Type type;
        Instant at;
        if (transition instanceof AlertTransition.Fire fire) {
            next = fire.state();
            previous = fire.previous();
            type = AlertEvent.Type.FIRED;
            at = next.firedAt();
        } else if (transition instanceof AlertTransition.Resolve resolve) {
            next = resolve.state();
            previous = Optional.of(resolve.previous());
            type = AlertEvent.Type.RESOLVED;
            at = next.resolvedAt().orElseThrow();
        } else {
            return Optional.empty();
        }
        if (!Optional.ofNullable(states.get(next.key()))
                .map(AlertState::version)
                .equals(previous.map(AlertState::version))) {
            return Optional.empty();
        }
        states.put(next.key(), next);
        AlertEvent event = new AlertEvent(
                events.size() + 1,
                next.key(),
                type,
                at,
                next.source(),
                next.value(),
                next.threshold(),
                next.unit(),
                next.message(),
                next.firedAt());
        events.add(event);
        announce.apply(event).forEach(delivery -> announced.add(delivery.payload()));
        return Optional.of(event);
    }

    /** As the table is read: in {@code [from, to)}, newest first (the later recorded first at one time). */
    @Override
    public List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit) {
        return events.stream()
                .filter(event -> from.map(f -> !event.occurredAt().isBefore(f)).orElse(true))
                .filter(event -> to.map(t -> event.occurredAt().isBefore(t)).orElse(true))
                .sorted(Comparator.comparing(AlertEvent::occurredAt)
                        .thenComparing(AlertEvent::id)
                        .reversed())
                .limit(limit)
                .toList();
    }
}
