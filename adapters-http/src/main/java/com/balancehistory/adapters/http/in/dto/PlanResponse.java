package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.CardAnswer;
import com.balancehistory.domain.limit.ExpensePlanResult;
import com.balancehistory.domain.limit.LimitPeriod;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Whether a plan of expenses fits the card's limits, per period, and what remains after it. */
@Serdeable
@Schema(name = "Plan")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanResponse(
        CardLimitsResponse.Card card,
        boolean feasible,
        String total,
        List<String> brokenPeriods,
        List<Period> periods) {

    /** One period after the whole plan. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PlanPeriod")
    public record Period(
            String period,
            boolean feasible,
            String remainingBefore,
            String plannedTotal,
            String remainingAfter,
            String shortfall,
            @Nullable BreakingExpense firstBreakingExpense) {}

    /** The expense (0-based position in the plan) whose running total first exceeds the period's limit. */
    @Serdeable
    @Schema(name = "BreakingExpense")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BreakingExpense(int position, String description, String amount) {}

    public static PlanResponse of(CardAnswer<ExpensePlanResult> answer, String total) {
        ExpensePlanResult result = answer.result();
        return new PlanResponse(
                CardLimitsResponse.Card.of(answer),
                result.feasible(),
                total,
                result.brokenPeriods().stream().map(LimitPeriod::apiName).toList(),
                result.periods().stream()
                        .map(p -> new Period(
                                p.period().apiName(),
                                p.feasible(),
                                p.remainingBefore().toPlainString(),
                                p.plannedTotal().toPlainString(),
                                p.remainingAfter().toPlainString(),
                                p.shortfall().toPlainString(),
                                p.firstBreakingExpense()
                                        .map(b -> new BreakingExpense(
                                                b.position(),
                                                b.expense().description(),
                                                b.expense().amount().toPlainString()))
                                        .orElse(null)))
                        .toList());
    }
}
