package com.balancehistory.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import com.balancehistory.domain.source.Staleness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Hysteresis BAND = Hysteresis.of("0.05");

    @Test
    void a_low_limit_is_breached_below_its_percentage_of_the_total_and_says_how_much_is_left() {
        LowLimitAlertRule rule = new LowLimitAlertRule(Optional.empty(), new BigDecimal("10"));

        AlertReading reading = rule.read(
                "card-1",
                "Travel card",
                "holyheld",
                LimitPeriod.DAILY,
                Money.parse("99.99", "EUR"),
                Money.parse("1000.00", "EUR"),
                BAND);

        assertThat(reading.condition()).isEqualTo(Condition.BREACHED);
        assertThat(reading.key()).isEqualTo(new AlertKey(AlertKind.LOW_LIMIT, "card-1/" + LimitPeriod.DAILY.apiName()));
        assertThat(reading.threshold()).contains(new BigDecimal("100.00"));
        assertThat(reading.message()).contains("remaining 99.99 EUR (10.00 % of 1000.00 EUR), threshold 10 %");
    }

    @Test
    void the_rule_of_a_period_wins_over_the_rule_without_a_period() {
        LimitPeriod period = LimitPeriod.DAILY;
        LowLimitAlertRule any = new LowLimitAlertRule(Optional.empty(), new BigDecimal("10"));
        LowLimitAlertRule own = new LowLimitAlertRule(Optional.of(period), new BigDecimal("20"));

        assertThat(LowLimitAlertRule.forPeriod(List.of(any, own), period)).contains(own);
        assertThat(LowLimitAlertRule.forPeriod(List.of(own), LimitPeriod.WEEKLY))
                .isEmpty();
        assertThat(LowLimitAlertRule.forPeriod(List.of(any, own), LimitPeriod.WEEKLY))
                .contains(any);
    }

    @Test
    void a_source_is_stale_at_its_configured_count_of_intervals_and_never_polled_is_stale_outright() {
        StaleDataAlertRule rule = new StaleDataAlertRule(Staleness.afterIntervals(new BigDecimal("3")));
        Duration interval = Duration.ofMinutes(5);

        AlertReading atLimit = rule.read(
                "ahrvo",
                interval,
                Optional.of(NOW.minus(Duration.ofMinutes(15))),
                2,
                Optional.of("timeout"),
                NOW,
                BAND);
        AlertReading fresh = rule.read(
                "ahrvo", interval, Optional.of(NOW.minus(Duration.ofMinutes(5))), 0, Optional.empty(), NOW, BAND);
        AlertReading never = rule.read("ahrvo", interval, Optional.empty(), 4, Optional.empty(), NOW, BAND);

        assertThat(atLimit.condition()).isEqualTo(Condition.BREACHED);
        assertThat(atLimit.value()).contains(new BigDecimal("3.00"));
        assertThat(atLimit.message()).endsWith("3.00 poll intervals of PT5M ago (limit 3); last error: timeout");
        assertThat(fresh.condition()).isEqualTo(Condition.CLEAR);
        assertThat(never.condition()).isEqualTo(Condition.BREACHED);
        assertThat(never.message()).isEqualTo("source ahrvo has never been polled successfully (4 failed polls)");
    }

    @Test
    void a_significant_change_is_breached_while_in_the_window_and_clears_when_none_is() {
        RecentChangeAlertRule rule = RecentChangeAlertRule.significantChange(Duration.ofHours(1));

        AlertReading changed = rule.changed(
                "acc-1",
                "Main",
                "equals",
                Money.parse("100.00", "EUR"),
                Money.parse("40.00", "EUR"),
                Money.parse("-60.00", "EUR"),
                NOW);

        assertThat(rule.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(changed.condition()).isEqualTo(Condition.BREACHED);
        assertThat(changed.message())
                .isEqualTo("Main: balance changed by -60.00 EUR (100.00 EUR to 40.00 EUR) at 2026-03-01T12:00:00Z");
    }

    @Test
    void a_card_limit_without_a_configured_total_or_a_rule_for_its_period_has_no_low_limit_reading() {
        List<LowLimitAlertRule> rules = List.of(new LowLimitAlertRule(Optional.of(LimitPeriod.DAILY), BigDecimal.TEN));
        Money remaining = Money.parse("5.00", "EUR");
        Optional<Money> total = Optional.of(Money.parse("1000.00", "EUR"));

        assertThat(LowLimitAlertRule.read(
                        rules, "card-1", "Travel card", "holyheld", LimitPeriod.DAILY, remaining, total, BAND))
                .hasValueSatisfying(reading -> assertThat(reading.condition()).isEqualTo(Condition.BREACHED));
        assertThat(LowLimitAlertRule.read(
                        rules, "card-1", "Travel card", "holyheld", LimitPeriod.WEEKLY, remaining, total, BAND))
                .isEmpty();
        assertThat(LowLimitAlertRule.read(
                        rules,
                        "card-1",
                        "Travel card",
                        "holyheld",
                        LimitPeriod.DAILY,
                        remaining,
                        Optional.of(Money.zero(remaining.currency())),
                        BAND))
                .isEmpty();
        assertThat(LowLimitAlertRule.read(
                        rules,
                        "card-1",
                        "Travel card",
                        "holyheld",
                        LimitPeriod.DAILY,
                        remaining,
                        Optional.empty(),
                        BAND))
                .isEmpty();
    }

    @Test
    void an_active_change_alert_without_a_change_in_the_window_any_more_reads_clear_and_others_are_left_alone() {
        RecentChangeAlertRule rule = RecentChangeAlertRule.topUpSettled(Duration.ofHours(1));
        AlertReading changed = rule.changed(
                "acc-2",
                "Main",
                "holyheld",
                Money.parse("10.00", "EUR"),
                Money.parse("60.00", "EUR"),
                Money.parse("50.00", "EUR"),
                NOW);
        AlertState activeTopUp = state(new AlertKey(AlertKind.TOP_UP_SETTLED, "acc-1"), true);
        AlertState resolvedTopUp = state(new AlertKey(AlertKind.TOP_UP_SETTLED, "acc-3"), false);
        AlertState activeOtherKind = state(new AlertKey(AlertKind.SIGNIFICANT_CHANGE, "acc-4"), true);

        List<AlertReading> readings = rule.readings(
                Map.of("acc-2", changed),
                Map.of(
                        activeTopUp.key(), activeTopUp,
                        resolvedTopUp.key(), resolvedTopUp,
                        activeOtherKind.key(), activeOtherKind));

        assertThat(readings).extracting(AlertReading::key).containsExactly(activeTopUp.key(), changed.key());
        assertThat(readings.get(0).condition()).isEqualTo(Condition.CLEAR);
        assertThat(readings.get(0).message()).isEqualTo("no top-up of acc-1 within the last PT1H");
        assertThat(readings.get(1)).isEqualTo(changed);
    }

    private static AlertState state(AlertKey key, boolean active) {
        return new AlertState(
                key,
                active,
                "holyheld",
                Optional.empty(),
                Optional.empty(),
                Optional.of("EUR"),
                "a change",
                NOW.minus(Duration.ofMinutes(30)),
                active ? Optional.empty() : Optional.of(NOW),
                1);
    }
}
