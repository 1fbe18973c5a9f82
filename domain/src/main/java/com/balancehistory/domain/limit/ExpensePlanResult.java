package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How an {@link ExpensePlan} fares against a card's limits: one outcome per period, in period order. */
public record ExpensePlanResult(List<PeriodOutcome> periods) {

    public ExpensePlanResult {
        periods = List.copyOf(periods);
    }

    /** The expense at {@code position} (0-based, in plan order) whose running total first exceeds a period's limit. */
    public record BreakingExpense(int position, PlannedExpense expense) {
        public BreakingExpense {
            Objects.requireNonNull(expense, "expense");
            if (position < 0) {
                throw new IllegalArgumentException("position must not be negative: " + position);
            }
        }
    }

    /**
     * One period after the whole plan: {@code remainingAfter = remainingBefore - plannedTotal}, negative when the
     * plan does not fit; {@code shortfall} is how much is missing (zero when it fits), so callers need not interpret
     * the sign themselves.
     */
    public record PeriodOutcome(
            LimitPeriod period,
            Money remainingBefore,
            Money plannedTotal,
            Money remainingAfter,
            Money shortfall,
            Optional<BreakingExpense> firstBreakingExpense) {

        public PeriodOutcome {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(remainingBefore, "remainingBefore");
            Objects.requireNonNull(plannedTotal, "plannedTotal");
            Objects.requireNonNull(remainingAfter, "remainingAfter");
            Objects.requireNonNull(shortfall, "shortfall");
            firstBreakingExpense = firstBreakingExpense == null ? Optional.empty() : firstBreakingExpense;
            if (!remainingAfter.equals(remainingBefore.minus(plannedTotal))) {
                throw new IllegalArgumentException("remainingAfter must be remainingBefore - plannedTotal");
            }
            if (!shortfall.equals(shortfallOf(remainingAfter))) {
                throw new IllegalArgumentException("shortfall must be the negative part of remainingAfter");
            }
            if (shortfall.isPositive() != firstBreakingExpense.isPresent()) {
                throw new IllegalArgumentException("a period is broken exactly when an expense breaks it");
            }
        }

        static PeriodOutcome of(
                LimitPeriod period,
                Money remainingBefore,
                Money plannedTotal,
                Optional<BreakingExpense> firstBreaking) {
            Money after = remainingBefore.minus(plannedTotal);
            return new PeriodOutcome(period, remainingBefore, plannedTotal, after, shortfallOf(after), firstBreaking);
        }

        private static Money shortfallOf(Money remainingAfter) {
            return remainingAfter.isNegative() ? remainingAfter.negate() : Money.zero(remainingAfter.currency());
        }

        public boolean feasible() {
            return shortfall.isZero();
        }
    }

    /** True when the plan fits every period. */
    public boolean feasible() {
        return periods.stream().allMatch(PeriodOutcome::feasible);
    }

    /** The periods the plan would exceed, in period order. */
    public List<LimitPeriod> brokenPeriods() {
        return periods.stream()
                .filter(outcome -> !outcome.feasible())
                .map(PeriodOutcome::period)
                .toList();
    }

    public Optional<PeriodOutcome> outcome(LimitPeriod period) {
        return periods.stream().filter(outcome -> outcome.period() == period).findFirst();
    }
}
