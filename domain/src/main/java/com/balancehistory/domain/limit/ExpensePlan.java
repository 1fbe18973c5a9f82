package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expenses planned on one card, in the order they are expected to be paid, all in one currency. Evaluating the plan
 * against the card's limits tells, per period, whether the sum fits and which expense would first break it.
 */
public record ExpensePlan(List<PlannedExpense> expenses) {

    public ExpensePlan {
        expenses = List.copyOf(expenses);
        if (!expenses.isEmpty()) {
            Money first = expenses.get(0).amount();
            for (PlannedExpense expense : expenses) {
                if (!expense.amount().hasCurrency(first.currency())) {
                    throw new CurrencyMismatchException("an expense plan has one currency: " + first.currencyCode()
                            + " and " + expense.amount().currencyCode() + " ('" + expense.description() + "')");
                }
            }
        }
    }

    public static ExpensePlan of(PlannedExpense... expenses) {
        return new ExpensePlan(List.of(expenses));
    }

    /**
     * Evaluates the plan against the card's limits, period by period. Expenses are paid in list order: the first
     * breaking expense of a period is the one whose running total first exceeds that period's remaining amount.
     * An empty plan is feasible. A plan in another currency than the card throws
     * {@link CurrencyMismatchException}; nothing is converted.
     */
    public ExpensePlanResult evaluateAgainst(CardLimits limits) {
        Money zero = Money.zero(limits.currency());
        expenses.forEach(expense ->
                limits.requireCardCurrency(expense.amount(), "planned expense '" + expense.description() + "'"));
        List<ExpensePlanResult.PeriodOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<LimitPeriod, Money> limit : limits.remaining().entrySet()) {
            Money remainingBefore = limit.getValue();
            Money running = zero;
            Optional<ExpensePlanResult.BreakingExpense> firstBreaking = Optional.empty();
            for (int position = 0; position < expenses.size(); position++) {
                running = running.plus(expenses.get(position).amount());
                if (firstBreaking.isEmpty() && running.isGreaterThan(remainingBefore)) {
                    firstBreaking =
                            Optional.of(new ExpensePlanResult.BreakingExpense(position, expenses.get(position)));
                }
            }
            outcomes.add(ExpensePlanResult.PeriodOutcome.of(limit.getKey(), remainingBefore, running, firstBreaking));
        }
        return new ExpensePlanResult(outcomes);
    }

    public Optional<Money> total() {
        return expenses.stream().map(PlannedExpense::amount).reduce(Money::plus);
    }
}
