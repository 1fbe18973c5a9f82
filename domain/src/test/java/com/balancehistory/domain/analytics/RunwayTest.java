package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.jpy;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.analytics.DepletionForecast.Outlook;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunwayTest {

    private static final Instant DAY_0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private final TrendAnalyzer analyzer = TrendAnalyzer.withDefaults();

    private static Instant day(long days) {
        return DAY_0.plus(Duration.ofDays(days));
    }

    private static Money bhd(String amount) {
        return Money.parse(amount, "BHD");
    }

    private Runway runway(Duration target, BalancePoint... points) {
        List<BalancePoint> history = List.of(points);
        BalancePoint last = history.get(history.size() - 1);
        BalanceTrend trend = analyzer.analyze(history, WINDOW, last.at());
        return Runway.of(last.balance(), last.at(), trend, target);
    }

    @Test
    void usd_runway_and_top_up_at_a_whole_burn() {
        // decreases 100 + 50 + 150 over 3 days: 100.00 a day
        Runway runway = runway(
                Duration.ofDays(14),
                BalancePoint.of(day(0), usd("1000.00")),
                BalancePoint.of(day(1), usd("900.00")),
                BalancePoint.of(day(2), usd("850.00")),
                BalancePoint.of(day(3), usd("700.00")));

        assertThat(runway.averageDailyBurn()).contains(usd("100.00"));
        assertThat(runway.outlook()).isEqualTo(Outlook.PROJECTED);
        assertThat(runway.runwayDays()).contains(new BigDecimal("7.00"));
        assertThat(runway.runsOutAt()).contains(day(10));
        assertThat(runway.topUp()).contains(usd("700.00"));
        assertThat(runway.needsTopUp()).isTrue();
    }

    @Test
    void usd_top_up_is_rounded_up_to_the_cent_where_half_even_would_round_down() {
        // 100.00 over 3 days: burn 33.33 a day (published, half-even); 79 hours need 33.33 * 79 / 24 = 109.71125
        Runway runway = runway(
                Duration.ofHours(79), BalancePoint.of(day(0), usd("200.00")), BalancePoint.of(day(3), usd("100.00")));

        assertThat(runway.averageDailyBurn()).contains(usd("33.33"));
        assertThat(runway.topUp()).contains(usd("9.72"));
        // 100.00 / 33.33 = 3.00030..., rounded down
        assertThat(runway.runwayDays()).contains(new BigDecimal("3.00"));
        // 100.00 * 86,400 / 33.33 = 259,225.92 s, truncated
        assertThat(runway.runsOutAt()).contains(day(3).plusSeconds(259_225));
    }

    @Test
    void jpy_top_up_is_whole_yen_rounded_up() {
        // 1000 over 2 days: 500 yen a day; 457 hours need 500 * 457 / 24 = 9520.83 yen, 9000 are there
        Runway runway = runway(
                Duration.ofHours(457), BalancePoint.of(day(0), jpy("10000")), BalancePoint.of(day(2), jpy("9000")));

        assertThat(runway.averageDailyBurn()).contains(jpy("500"));
        assertThat(runway.runwayDays()).contains(new BigDecimal("18.00"));
        assertThat(runway.runsOutAt()).contains(day(20));
        assertThat(runway.topUp()).contains(jpy("521"));
        assertThat(runway.topUp().orElseThrow().amount().scale()).isZero();
    }

    @Test
    void bhd_top_up_is_in_fils_and_a_top_up_in_the_window_is_not_negative_burn() {
        // decreases 1.000 and 1.000 over 3 days (the +0.500 is a top-up): 0.667 a day at BHD's 3 decimals
        BalancePoint[] history = {
            BalancePoint.of(day(0), bhd("10.000")),
            BalancePoint.of(day(1), bhd("9.000")),
            BalancePoint.of(day(2), bhd("9.500")),
            BalancePoint.of(day(3), bhd("8.500"))
        };

        Runway fortnight = runway(Duration.ofDays(14), history);
        assertThat(fortnight.averageDailyBurn()).contains(bhd("0.667"));
        // 8.500 / 0.667 = 12.743...
        assertThat(fortnight.runwayDays()).contains(new BigDecimal("12.74"));
        // 8.500 * 86,400 / 0.667 = 1,101,049.47 s
        assertThat(fortnight.runsOutAt()).contains(day(3).plusSeconds(1_101_049));
        // 0.667 * 14 - 8.500 = 0.838 exactly
        assertThat(fortnight.topUp()).contains(bhd("0.838"));

        // 0.667 * 337 / 24 = 9.365791..., minus 8.500 = 0.865791... -> 0.866
        assertThat(runway(Duration.ofHours(337), history).topUp()).contains(bhd("0.866"));
    }

    @Test
    void a_balance_that_lasts_the_target_needs_no_top_up() {
        Runway exactly = runway(
                Duration.ofDays(7), BalancePoint.of(day(0), usd("1000.00")), BalancePoint.of(day(3), usd("700.00")));
        Runway shorter = runway(
                Duration.ofDays(2), BalancePoint.of(day(0), usd("1000.00")), BalancePoint.of(day(3), usd("700.00")));

        assertThat(exactly.topUp()).contains(usd("0.00"));
        assertThat(exactly.needsTopUp()).isFalse();
        assertThat(shorter.topUp()).contains(usd("0.00"));
    }

    @Test
    void a_balance_that_did_not_go_down_does_not_run_out_and_lasts_any_target() {
        Runway runway = runway(
                Duration.ofDays(14), BalancePoint.of(day(0), usd("100.00")), BalancePoint.of(day(2), usd("300.00")));

        assertThat(runway.outlook()).isEqualTo(Outlook.NOT_DECREASING);
        assertThat(runway.averageDailyBurn()).contains(usd("0.00"));
        assertThat(runway.runwayDays()).isEmpty();
        assertThat(runway.runsOutAt()).isEmpty();
        assertThat(runway.topUp()).contains(usd("0.00"));
    }

    @Test
    void one_observation_is_not_enough_history_for_a_runway_or_a_top_up() {
        Runway runway = runway(Duration.ofDays(14), BalancePoint.of(day(0), usd("100.00")));

        assertThat(runway.outlook()).isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThat(runway.averageDailyBurn()).isEmpty();
        assertThat(runway.runwayDays()).isEmpty();
        assertThat(runway.runsOutAt()).isEmpty();
        assertThat(runway.topUp()).isEmpty();
        assertThat(runway.needsTopUp()).isFalse();
    }

    @Test
    void a_depleted_balance_has_no_runway_and_its_top_up_covers_the_deficit_too() {
        // 150.00 over 3 days: 50.00 a day; 7 days need 350.00 on top of the -50.00
        Runway runway = runway(
                Duration.ofDays(7), BalancePoint.of(day(0), usd("100.00")), BalancePoint.of(day(3), usd("-50.00")));

        assertThat(runway.outlook()).isEqualTo(Outlook.ALREADY_DEPLETED);
        assertThat(runway.runwayDays()).contains(new BigDecimal("0.00"));
        assertThat(runway.runsOutAt()).isEmpty();
        assertThat(runway.topUp()).contains(usd("400.00"));
    }

    @Test
    void refuses_a_target_that_is_not_positive() {
        BalanceTrend trend = analyzer.analyze(List.of(), WINDOW, DAY_0);
        assertThatThrownBy(() -> Runway.of(usd("1.00"), DAY_0, trend, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
