package com.balancehistory.domain.analytics;

import static com.balancehistory.domain.analytics.Fixtures.eur;
import static com.balancehistory.domain.analytics.Fixtures.jpy;
import static com.balancehistory.domain.analytics.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.analytics.DepletionForecast.Outlook;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrendAnalyzerTest {

    private static final Instant DAY_0 = Instant.parse("2025-07-01T09:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);
    private final TrendAnalyzer analyzer = TrendAnalyzer.withDefaults();

    private static Instant day(long days) {
        return DAY_0.plus(Duration.ofDays(days));
    }

    private static BalancePoint at(Instant at, Money balance) {
        return BalancePoint.of(at, balance);
    }

    @Test
    void measures_change_burn_and_depletion_of_a_steadily_falling_balance() {
        List<BalancePoint> points = List.of(at(day(0), usd("1000")), at(day(1), usd("900")), at(day(2), usd("800")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(2));

        assertThat(trend.change()).contains(usd("-200"));
        assertThat(trend.percentChange()).contains(new BigDecimal("-20.00"));
        assertThat(trend.averageDailyBurn()).contains(usd("100"));
        assertThat(trend.depletion().outlook()).isEqualTo(Outlook.PROJECTED);
        assertThat(trend.depletion().depletesAt()).contains(day(10));
        assertThat(trend.first().orElseThrow().balance()).isEqualTo(usd("1000"));
        assertThat(trend.last().orElseThrow().balance()).isEqualTo(usd("800"));
    }

    @Test
    void does_not_count_top_ups_and_limit_resets_as_negative_burn() {
        // decreases: 300 and 300 over 3 days -> 200 per day; the +500 top-up is ignored
        List<BalancePoint> points = List.of(
                at(day(0), usd("1000")), at(day(1), usd("700")), at(day(2), usd("1200")), at(day(3), usd("900")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(3));

        assertThat(trend.change()).contains(usd("-100"));
        assertThat(trend.averageDailyBurn()).contains(usd("200"));
        // 900 / 200 per day = 4.5 days after the last point
        assertThat(trend.depletion().depletesAt()).contains(day(3).plus(Duration.ofHours(108)));
    }

    @Test
    void projects_from_the_last_observation_not_from_now() {
        List<BalancePoint> points = List.of(at(day(0), usd("300")), at(day(1), usd("200")));

        BalanceTrend askedLater = analyzer.analyze(points, MONTH, day(5));
        BalanceTrend askedAtOnce = analyzer.analyze(points, MONTH, day(1));

        assertThat(askedLater.depletion()).isEqualTo(askedAtOnce.depletion());
        assertThat(askedLater.depletion().depletesAt()).contains(day(3));
    }

    @Test
    void reports_a_balance_that_only_grows_as_not_decreasing() {
        List<BalancePoint> points = List.of(at(day(0), usd("100")), at(day(1), usd("150")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(1));

        assertThat(trend.averageDailyBurn()).contains(Money.zero(Fixtures.USD));
        assertThat(trend.depletion().outlook()).isEqualTo(Outlook.NOT_DECREASING);
        assertThat(trend.depletion().depletesAt()).isEmpty();
        assertThat(trend.percentChange()).contains(new BigDecimal("50.00"));
    }

    @Test
    void reports_a_flat_balance_as_not_decreasing() {
        BalanceTrend trend = analyzer.analyze(List.of(at(day(0), usd("100")), at(day(1), usd("100"))), MONTH, day(1));

        assertThat(trend.change()).contains(Money.zero(Fixtures.USD));
        assertThat(trend.depletion().outlook()).isEqualTo(Outlook.NOT_DECREASING);
    }

    @Test
    void reports_a_balance_at_or_below_zero_as_already_depleted() {
        BalanceTrend atZero = analyzer.analyze(List.of(at(day(0), usd("50")), at(day(1), usd("0"))), MONTH, day(1));
        BalanceTrend overdrawn = analyzer.analyze(List.of(at(day(0), usd("-5"))), MONTH, day(1));

        assertThat(atZero.depletion().outlook()).isEqualTo(Outlook.ALREADY_DEPLETED);
        assertThat(atZero.averageDailyBurn()).contains(usd("50"));
        assertThat(overdrawn.depletion().outlook()).isEqualTo(Outlook.ALREADY_DEPLETED);
    }

    @Test
    void needs_at_least_two_points_for_a_forecast() {
        BalanceTrend none = analyzer.analyze(List.of(), MONTH, day(1));
        BalanceTrend one = analyzer.analyze(List.of(at(day(0), usd("10"))), MONTH, day(1));

        assertThat(none.depletion().outlook()).isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThat(none.points()).isEmpty();
        assertThat(none.first()).isEmpty();
        assertThat(none.change()).isEmpty();
        assertThat(one.depletion().outlook()).isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThat(one.change()).isEmpty();
        assertThat(one.averageDailyBurn()).isEmpty();
    }

    @Test
    void needs_a_span_of_at_least_an_hour_by_default_but_still_reports_the_change() {
        List<BalancePoint> points = List.of(at(day(0), usd("100")), at(day(0).plus(Duration.ofMinutes(59)), usd("90")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(1));

        assertThat(trend.depletion().outlook()).isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThat(trend.averageDailyBurn()).isEmpty();
        assertThat(trend.change()).contains(usd("-10"));
        assertThat(trend.percentChange()).contains(new BigDecimal("-10.00"));
    }

    @Test
    void accepts_a_span_of_exactly_the_minimum() {
        // 10 burnt in one hour = 240 per day; 90 left = 9 more hours
        List<BalancePoint> points = List.of(at(day(0), usd("100")), at(day(0).plus(Duration.ofHours(1)), usd("90")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(1));

        assertThat(trend.averageDailyBurn()).contains(usd("240"));
        assertThat(trend.depletion().depletesAt()).contains(day(0).plus(Duration.ofHours(10)));
    }

    @Test
    void honours_a_configured_minimum_number_of_points() {
        TrendAnalyzer demanding = new TrendAnalyzer(new TrendSettings(3, Duration.ofHours(1)));
        List<BalancePoint> two = List.of(at(day(0), usd("100")), at(day(1), usd("90")));
        List<BalancePoint> three = List.of(at(day(0), usd("100")), at(day(1), usd("90")), at(day(2), usd("80")));

        assertThat(demanding.analyze(two, MONTH, day(2)).depletion().outlook()).isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThat(demanding.analyze(three, MONTH, day(2)).depletion().outlook())
                .isEqualTo(Outlook.PROJECTED);
    }

    @Test
    void judges_a_summary_by_its_true_number_of_samples_and_measures_what_all_samples_give() {
        TrendAnalyzer demanding = new TrendAnalyzer(new TrendSettings(3, Duration.ofHours(1)));
        List<BalancePoint> all = List.of(at(day(0), usd("100")), at(day(1), usd("100")), at(day(2), usd("80")));
        List<BalancePoint> key = List.of(all.get(0), all.get(2));

        BalanceTrend whole = demanding.analyze(all, MONTH, day(2));
        BalanceTrend summary = demanding.analyzeSummary(key, 3, MONTH, day(2));

        assertThat(summary.averageDailyBurn()).contains(usd("10")).isEqualTo(whole.averageDailyBurn());
        assertThat(summary.change()).isEqualTo(whole.change());
        assertThat(summary.depletion()).isEqualTo(whole.depletion());
        assertThat(demanding.analyzeSummary(key, 2, MONTH, day(2)).depletion().outlook())
                .isEqualTo(Outlook.NOT_ENOUGH_HISTORY);
        assertThatThrownBy(() -> demanding.analyzeSummary(key, 3, Duration.ofDays(1), day(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uses_only_points_inside_the_window_with_both_ends_included() {
        Instant now = day(10);
        List<BalancePoint> points = List.of(
                at(day(2), usd("5000")), at(day(3), usd("1000")), at(day(10), usd("930")), at(day(11), usd("1")));

        BalanceTrend trend = analyzer.analyze(points, Duration.ofDays(7), now);

        assertThat(trend.points()).extracting(BalancePoint::at).containsExactly(day(3), day(10));
        assertThat(trend.change()).contains(usd("-70"));
        assertThat(trend.averageDailyBurn()).contains(usd("10"));
    }

    @Test
    void sorts_points_by_instant_whatever_the_input_order() {
        List<BalancePoint> points = List.of(at(day(2), usd("800")), at(day(0), usd("1000")), at(day(1), usd("900")));

        BalanceTrend trend = analyzer.analyze(points, MONTH, day(2));

        assertThat(trend.points()).extracting(BalancePoint::at).containsExactly(day(0), day(1), day(2));
        assertThat(trend.change()).contains(usd("-200"));
        assertThat(trend.averageDailyBurn()).contains(usd("100"));
    }

    @Test
    void leaves_percent_change_empty_when_the_first_balance_is_zero() {
        BalanceTrend trend = analyzer.analyze(List.of(at(day(0), usd("0")), at(day(1), usd("50"))), MONTH, day(1));

        assertThat(trend.change()).contains(usd("50"));
        assertThat(trend.percentChange()).isEmpty();
    }

    @Test
    void measures_percent_change_against_the_size_of_a_negative_start() {
        BalanceTrend trend = analyzer.analyze(List.of(at(day(0), usd("-100")), at(day(1), usd("-50"))), MONTH, day(1));

        assertThat(trend.percentChange()).contains(new BigDecimal("50.00"));
    }

    @Test
    void rounds_percent_change_half_up_to_two_decimals() {
        // -1 / 3 * 100 = -33.333... -> -33.33 ; 2 / 3 * 100 = 66.666... -> 66.67
        assertThat(analyzer.analyze(List.of(at(day(0), usd("3")), at(day(1), usd("2"))), MONTH, day(1))
                        .percentChange())
                .contains(new BigDecimal("-33.33"));
        assertThat(analyzer.analyze(List.of(at(day(0), usd("3")), at(day(1), usd("5"))), MONTH, day(1))
                        .percentChange())
                .contains(new BigDecimal("66.67"));
    }

    @Test
    void rounds_the_daily_burn_half_even_to_the_currency_scale() {
        // 1.00 over 3 days = 0.3333 -> 0.33 ; 10 JPY over 4 days = 2.5 -> 2
        assertThat(analyzer.analyze(List.of(at(day(0), eur("10")), at(day(3), eur("9"))), MONTH, day(3))
                        .averageDailyBurn())
                .contains(eur("0.33"));
        assertThat(analyzer.analyze(List.of(at(day(0), jpy("100")), at(day(4), jpy("90"))), MONTH, day(4))
                        .averageDailyBurn())
                .contains(jpy("2"));
    }

    @Test
    void counts_days_as_exact_twenty_four_hours_across_a_daylight_saving_change() {
        // Europe/Berlin moves clocks forward on 2025-03-30: the local calendar has a 23-hour day, the instants do not
        Instant before = Instant.parse("2025-03-29T12:00:00Z");
        Instant after = Instant.parse("2025-03-31T12:00:00Z");

        BalanceTrend trend = analyzer.analyze(List.of(at(before, eur("100")), at(after, eur("80"))), MONTH, after);

        assertThat(trend.averageDailyBurn()).contains(eur("10"));
        assertThat(trend.depletion().depletesAt()).contains(Instant.parse("2025-04-08T12:00:00Z"));
    }

    @Test
    void gives_the_depletion_day_in_the_zone_the_caller_asks_for() {
        DepletionForecast forecast = DepletionForecast.projected(Instant.parse("2025-07-10T23:30:00Z"));

        assertThat(forecast.depletionDate(ZoneId.of("UTC"))).contains(LocalDate.of(2025, 7, 10));
        assertThat(forecast.depletionDate(ZoneId.of("Asia/Tokyo"))).contains(LocalDate.of(2025, 7, 11));
        assertThat(DepletionForecast.none(Outlook.NOT_DECREASING).depletionDate(ZoneId.of("UTC")))
                .isEmpty();
    }

    @Test
    void truncates_the_projection_to_whole_seconds() {
        // 100 burnt in an hour; the 0.03 left lasts 0.03 * 3600 / 100 = 1.08 s, truncated to 1 s
        Instant start = day(0);
        Instant end = start.plus(Duration.ofHours(1));

        BalanceTrend trend = analyzer.analyze(List.of(at(start, usd("100.03")), at(end, usd("0.03"))), MONTH, end);

        assertThat(trend.depletion().depletesAt()).contains(end.plusSeconds(1));
    }

    @Test
    void says_when_a_projection_lies_beyond_the_last_representable_instant() {
        List<BalancePoint> points =
                List.of(at(day(0), usd("1000000000000000.01")), at(day(1), usd("1000000000000000")));

        assertThat(analyzer.analyze(points, MONTH, day(1)).depletion().outlook())
                .isEqualTo(Outlook.BEYOND_HORIZON);
    }

    @Test
    void accepts_a_window_reaching_before_the_start_of_time() {
        List<BalancePoint> points = List.of(at(day(0), usd("10")), at(day(1), usd("5")));

        BalanceTrend trend = analyzer.analyze(points, Duration.ofSeconds(Long.MAX_VALUE), day(1));

        assertThat(trend.points()).hasSize(2);
    }

    @Test
    void rejects_mixed_currencies_and_negative_windows() {
        assertThatThrownBy(() -> analyzer.analyze(List.of(at(day(0), usd("1")), at(day(1), eur("1"))), MONTH, day(1)))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> analyzer.analyze(List.of(), Duration.ofDays(-1), day(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_settings_that_could_not_measure_a_trend() {
        assertThatThrownBy(() -> new TrendSettings(1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendSettings(2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_forecast_has_an_instant_exactly_when_projected() {
        assertThatThrownBy(() -> new DepletionForecast(Outlook.PROJECTED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DepletionForecast(Outlook.NOT_DECREASING, Optional.of(day(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
