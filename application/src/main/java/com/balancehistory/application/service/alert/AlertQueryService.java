package com.balancehistory.application.service.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.port.in.alert.ListAlertsUseCase;
import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.application.port.in.query.ActiveAlertsQuery;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.domain.alert.AlertAmount;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Active alerts and alert history from the recorded lifecycle. It is also the one implementation of the API's
 * {@link ActiveAlertsQuery}: {@code GET /api/v1/alerts} lists the lifecycle's active alerts, every kind included.
 */
public final class AlertQueryService implements ListAlertsUseCase, ActiveAlertsQuery {

    private final AlertStateStore store;

    public AlertQueryService(AlertStateStore store) {
        this.store = store;
    }

    @Override
    public List<AlertState> active() {
        return store.activeStates().stream()
                .sorted(Comparator.comparing((AlertState s) -> s.key().kind())
                        .thenComparing(s -> s.source())
                        .thenComparing(s -> s.key().subject()))
                .toList();
    }

    @Override
    public List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is between 1 and " + MAX_LIMIT);
        }
        return store.history(from, to, limit);
    }

    @Override
    public List<ActiveAlert> activeAlerts() {
        return active().stream().map(AlertQueryService::toActiveAlert).toList();
    }

    private static ActiveAlert toActiveAlert(AlertState state) {
        ActiveAlert.Kind kind = switch (state.key().kind()) {
            case LOW_BALANCE -> ActiveAlert.Kind.LOW_BALANCE;
            case LOW_LIMIT -> ActiveAlert.Kind.LOW_LIMIT;
            case STALE_DATA -> ActiveAlert.Kind.STALE_DATA;
            case SIGNIFICANT_CHANGE -> ActiveAlert.Kind.SIGNIFICANT_CHANGE;
            case TOP_UP_SETTLED -> ActiveAlert.Kind.TOP_UP_SETTLED;
        };
        AlertKind alertKind = state.key().kind();
        return new ActiveAlert(
                kind,
                state.source(),
                state.key().accountId(),
                state.key().period(),
                AlertAmount.of(alertKind, state.value(), state.unit()),
                AlertAmount.of(alertKind, state.threshold(), state.unit()),
                state.firedAt(),
                state.message());
    }
}
