package com.balancehistory.application.service.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import com.balancehistory.domain.limit.LimitPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AlertQueryServiceTest {

    private static final Instant FIRED = Instant.parse("2026-03-02T10:00:00Z");

    private static AlertState active(AlertKind kind, String subject) {
        return new AlertState(
                new AlertKey(kind, subject),
                true,
                "s",
                Optional.of(new BigDecimal("5")),
                Optional.of(new BigDecimal("10")),
                Optional.of("USD"),
                "low",
                FIRED,
                Optional.empty(),
                1);
    }

    /** A store that has only its active states to give: reading every state would fail the test. */
    private final AlertStateStore store = new AlertStateStore() {
        @Override
        public List<AlertState> states() {
            throw new AssertionError("the active alerts were found among every alert that ever fired");
        }

        @Override
        public List<AlertState> activeStates() {
            return List.of(
                    active(AlertKind.STALE_DATA, "s"),
                    active(AlertKind.LOW_LIMIT, "s.card-limit.c/1/monthly"),
                    active(AlertKind.LOW_BALANCE, "s.budget.b1"));
        }

        @Override
        public Optional<AlertEvent> apply(
                AlertTransition transition, Function<AlertEvent, List<OutboundDelivery>> announce) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void the_active_alerts_are_read_as_active_states_in_kind_order_with_their_account_and_period() {
        List<ActiveAlert> alerts = new AlertQueryService(store).activeAlerts();

        assertThat(alerts)
                .extracting(ActiveAlert::kind)
                .containsExactly(ActiveAlert.Kind.LOW_BALANCE, ActiveAlert.Kind.LOW_LIMIT, ActiveAlert.Kind.STALE_DATA);
        assertThat(alerts.get(0).account()).contains("s.budget.b1");
        // an external card id may hold a slash: the period is what follows the last one
        assertThat(alerts.get(1).account()).contains("s.card-limit.c/1");
        assertThat(alerts.get(1).period()).contains(LimitPeriod.fromApiName("monthly"));
        assertThat(alerts.get(2).account()).isEmpty();
    }
}
