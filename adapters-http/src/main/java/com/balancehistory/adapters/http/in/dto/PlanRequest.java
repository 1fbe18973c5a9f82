package com.balancehistory.adapters.http.in.dto;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Expenses planned on a card, in the order they will be paid, amounts in the card's currency. */
@Serdeable
@Schema(name = "PlanRequest")
public record PlanRequest(@Nullable List<Expense> expenses) {

    /** One planned expense. */
    @Serdeable
    @Schema(name = "PlannedExpense")
    public record Expense(
            @Schema(example = "team lunch") @Nullable String description,
            @Schema(example = "84.50") @Nullable String amount) {}
}
