package com.balancehistory.application.service.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.port.in.alert.ListAlertsUseCase;
import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.application.port.in.query.ActiveAlertsQuery;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
        return store.states().stream()
                .filter(AlertState::active)
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
        Optional<String> account = Optional.empty();
        Optional<LimitPeriod> period = Optional.empty();
        if (kind == ActiveAlert.Kind.LOW_BALANCE
                || kind == ActiveAlert.Kind.SIGNIFICANT_CHANGE
                || kind == ActiveAlert.Kind.TOP_UP_SETTLED) {
            account = Optional.of(state.key().subject());
        } else if (kind == ActiveAlert.Kind.LOW_LIMIT) {
            String subject = state.key().subject();
            int slash = subject.lastIndexOf('/');
            account = Optional.of(subject.substring(0, slash));
            period = Optional.of(LimitPeriod.fromApiName(subject.substring(slash + 1)));
        }
        boolean money = kind != ActiveAlert.Kind.STALE_DATA && state.unit().isPresent();
        return new ActiveAlert(
                kind,
                state.source(),
                account,
                period,
                money ? state.value().map(v -> money(v, state.unit().get())) : Optional.empty(),
                money ? state.threshold().map(v -> money(v, state.unit().get())) : Optional.empty(),
                state.firedAt(),
                state.message());
    }

    private static Money money(BigDecimal value, String currency) {
        var code = CurrencyCodes.require(currency);
        return Money.of(value.setScale(Math.max(code.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN), code);
    }
}
