package com.balancehistory.application.service.query;

import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.application.port.out.query.CardLimitReadModel;
import com.balancehistory.application.port.out.query.CardLimitsReading;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.limit.CardLimits;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.limit.LimitTotals;
import com.balancehistory.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComputeActiveAlertsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    private final FakeBalanceReadModel balances = new FakeBalanceReadModel();

    private List<ActiveAlert> alerts(List<CardLimitsReading> cards) {
        CardLimitReadModel cardModel = new CardLimitReadModel() {
            @Override
            public List<CardLimitsReading> findCards(String cardId) {
                return cards;
            }

            @Override
            public List<CardLimitsReading> allCards() {
                return cards;
            }
        };
        QuerySettings settings = QuerySettings.defaults()
                .withLowBalance(LowBalancePolicy.none().forCurrency(USD, LowBalanceRule.below(Money.parse("50", USD))))
                .withIntervals(new SourceIntervals(Map.of("hourly", Duration.ofHours(1)), Duration.ofMinutes(5)));
        return new ComputeActiveAlertsService(balances, cardModel, settings, Clock.fixed(NOW, ZoneOffset.UTC))
                .activeAlerts();
    }

    @Test
    void a_low_balance_under_the_configured_rule_is_an_alert_with_its_threshold() {
        Account low = Fixtures.budget("hourly", "low", "Low", "USD");
        Account fine = Fixtures.budget("hourly", "fine", "Fine", "USD");
        balances.add(low, NOW.minusSeconds(60), "49.99");
        balances.add(fine, NOW.minusSeconds(60), "50.00");

        assertThat(alerts(List.of())).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(ActiveAlert.Kind.LOW_BALANCE);
            assertThat(alert.account()).contains(low.id().value());
            assertThat(alert.threshold()).contains(Money.parse("50", USD));
        });
    }

    @Test
    void staleness_uses_each_sources_interval_and_ignores_accounts_gone_from_the_provider() {
        Account hourly = Fixtures.budget("hourly", "a", "A", "USD");
        Account fast = Fixtures.budget("fast", "b", "B", "USD");
        Account gone = Fixtures.budget("fast", "c", "C", "USD");
        balances.add(hourly, NOW.minus(Duration.ofMinutes(90)), "100.00");
        balances.add(fast, NOW.minus(Duration.ofMinutes(11)), "100.00");
        balances.add(gone, NOW.minus(Duration.ofDays(3)), "100.00");
        balances.markGone(gone, NOW.minus(Duration.ofDays(2)));

        List<ActiveAlert> alerts = alerts(List.of());

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(ActiveAlert.Kind.STALE_DATA);
            assertThat(alert.source()).isEqualTo("fast");
            assertThat(alert.observedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(11)));
        });
    }

    @Test
    void a_card_period_with_nothing_left_or_mostly_used_is_a_low_limit_alert() {
        Account card = Fixtures.cardLimits("hourly", "card1", "1", "1", "1", "1").card();
        CardLimits limits = new CardLimits(USD, Map.of(LimitPeriod.DAILY, Money.parse("0", USD),
                LimitPeriod.WEEKLY, Money.parse("80", USD), LimitPeriod.MONTHLY, Money.parse("900", USD)),
                LimitTotals.of(Map.of(LimitPeriod.WEEKLY, Money.parse("1000", USD),
                        LimitPeriod.MONTHLY, Money.parse("1000", USD))));

        List<ActiveAlert> alerts = alerts(List.of(new CardLimitsReading(card, limits, NOW.minusSeconds(30))));

        assertThat(alerts).extracting(alert -> alert.period().orElseThrow())
                .containsExactly(LimitPeriod.DAILY, LimitPeriod.WEEKLY);
        assertThat(alerts).allMatch(alert -> alert.kind() == ActiveAlert.Kind.LOW_LIMIT);
    }
}
