package com.balancehistory.domain.limit;

import static com.balancehistory.domain.limit.LimitPeriod.DAILY;
import static com.balancehistory.domain.limit.LimitPeriod.MONTHLY;
import static com.balancehistory.domain.limit.LimitPeriod.WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.domain.limit.ExpensePlanResult.BreakingExpense;
import com.balancehistory.domain.limit.ExpensePlanResult.PeriodOutcome;
import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpensePlanTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    private final CardLimits limits =
            CardLimits.of(Map.of(DAILY, usd("100"), WEEKLY, usd("250"), MONTHLY, usd("1000")));

    private final PlannedExpense lunch = PlannedExpense.of("team lunch", usd("84.50"));
    private final PlannedExpense taxi = PlannedExpense.of("taxi", usd("30"));
    private final PlannedExpense hotel = PlannedExpense.of("hotel", usd("180"));

    @Test
    void a_plan_within_every_limit_is_feasible_and_shows_what_remains() {
        ExpensePlanResult result = limits.evaluate(ExpensePlan.of(lunch, PlannedExpense.of("coffee", usd("15.50"))));

        assertThat(result.feasible()).isTrue();
        assertThat(result.brokenPeriods()).isEmpty();
        assertThat(result.outcome(DAILY).orElseThrow())
                .isEqualTo(new PeriodOutcome(
                        DAILY, usd("100"), usd("100"), Money.zero(USD), Money.zero(USD), Optional.empty()));
        assertThat(result.outcome(WEEKLY).orElseThrow().remainingAfter()).isEqualTo(usd("150"));
    }

    @Test
    void reports_negative_remaining_an_explicit_shortfall_and_the_first_breaking_expense_per_period() {
        ExpensePlanResult result = limits.evaluate(ExpensePlan.of(lunch, taxi, hotel));

        assertThat(result.feasible()).isFalse();
        assertThat(result.brokenPeriods()).containsExactly(DAILY, WEEKLY);

        PeriodOutcome daily = result.outcome(DAILY).orElseThrow();
        assertThat(daily.plannedTotal()).isEqualTo(usd("294.50"));
        assertThat(daily.remainingAfter()).isEqualTo(usd("-194.50"));
        assertThat(daily.shortfall()).isEqualTo(usd("194.50"));
        assertThat(daily.firstBreakingExpense()).contains(new BreakingExpense(1, taxi));

        PeriodOutcome weekly = result.outcome(WEEKLY).orElseThrow();
        assertThat(weekly.shortfall()).isEqualTo(usd("44.50"));
        assertThat(weekly.firstBreakingExpense()).contains(new BreakingExpense(2, hotel));

        PeriodOutcome monthly = result.outcome(MONTHLY).orElseThrow();
        assertThat(monthly.feasible()).isTrue();
        assertThat(monthly.shortfall()).isEqualTo(Money.zero(USD));
        assertThat(monthly.firstBreakingExpense()).isEmpty();
    }

    @Test
    void the_breaking_expense_depends_on_the_order_of_payment() {
        ExpensePlanResult hotelFirst = limits.evaluate(ExpensePlan.of(hotel, lunch, taxi));

        assertThat(hotelFirst.outcome(DAILY).orElseThrow().firstBreakingExpense())
                .contains(new BreakingExpense(0, hotel));
        assertThat(hotelFirst.outcome(WEEKLY).orElseThrow().firstBreakingExpense())
                .contains(new BreakingExpense(1, lunch));
    }

    @Test
    void identifies_the_breaking_expense_by_position_when_descriptions_repeat() {
        PlannedExpense coffee = PlannedExpense.of("coffee", usd("40"));

        ExpensePlanResult result = limits.evaluate(ExpensePlan.of(coffee, coffee, coffee));

        assertThat(result.outcome(DAILY).orElseThrow().firstBreakingExpense()).contains(new BreakingExpense(2, coffee));
    }

    @Test
    void spending_exactly_the_remaining_amount_is_feasible() {
        ExpensePlanResult result = limits.evaluate(ExpensePlan.of(PlannedExpense.of("all of it", usd("100"))));

        assertThat(result.outcome(DAILY).orElseThrow().feasible()).isTrue();
        assertThat(result.outcome(DAILY).orElseThrow().remainingAfter()).isEqualTo(Money.zero(USD));
    }

    @Test
    void an_empty_plan_is_feasible_and_leaves_every_limit_untouched() {
        ExpensePlanResult result = limits.evaluate(new ExpensePlan(List.of()));

        assertThat(result.feasible()).isTrue();
        assertThat(result.periods()).extracting(PeriodOutcome::period).containsExactly(DAILY, WEEKLY, MONTHLY);
        assertThat(result.periods()).allSatisfy(outcome -> {
            assertThat(outcome.plannedTotal()).isEqualTo(Money.zero(USD));
            assertThat(outcome.remainingAfter()).isEqualTo(outcome.remainingBefore());
        });
        assertThat(new ExpensePlan(List.of()).total()).isEmpty();
    }

    @Test
    void totals_the_plan() {
        assertThat(ExpensePlan.of(lunch, taxi).total()).contains(usd("114.50"));
    }

    @Test
    void rejects_a_plan_mixing_currencies() {
        assertThatThrownBy(() -> ExpensePlan.of(lunch, PlannedExpense.of("museum", Money.parse("20", "EUR"))))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("museum");
    }

    @Test
    void rejects_a_plan_in_another_currency_than_the_card() {
        ExpensePlan inEuros = ExpensePlan.of(PlannedExpense.of("museum", Money.parse("20", "EUR")));

        assertThatThrownBy(() -> limits.evaluate(inEuros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void rejects_expenses_that_are_negative_or_undescribed() {
        assertThatThrownBy(() -> PlannedExpense.of("refund", usd("-5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlannedExpense.of("  ", usd("5"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PlannedExpense.of("  taxi ", usd("5")).description()).isEqualTo("taxi");
    }

    @Test
    void a_period_outcome_must_be_internally_consistent() {
        assertThatThrownBy(() ->
                        new PeriodOutcome(DAILY, usd("100"), usd("120"), usd("-20"), Money.zero(USD), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodOutcome(
                        DAILY,
                        usd("100"),
                        usd("120"),
                        usd("-10"),
                        usd("10"),
                        Optional.of(new BreakingExpense(0, taxi))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new PeriodOutcome(DAILY, usd("100"), usd("120"), usd("-20"), usd("20"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
