package com.balancehistory.adapters.http.in.dto;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Expenses planned on a card, in the order they will be paid, amounts in the card's currency; an expense stated in
 * another currency is refused, as a purchase check is.
 */
@Serdeable
@Schema(name = "PlanRequest")
public record PlanRequest(
        @Schema(
                description = "ISO 4217 code of every expense without its own currency; must be the card's "
                        + "(default: the card's)",
                example = "USD")
        @Nullable
        @Serdeable.Deserializable(using = StrictText.class)
        String currency,

        @Nullable List<Expense> expenses) {

    /** One planned expense. */
    @Serdeable
    @Schema(name = "PlannedExpense")
    public record Expense(
            @Schema(example = "team lunch") @Nullable @Serdeable.Deserializable(using = StrictText.class)
            String description,

            @Schema(example = "84.50") @Nullable @Serdeable.Deserializable(using = StrictText.class)
            String amount,

            @Schema(description = "ISO 4217 code; must be the card's (limits are never converted)", example = "USD")
            @Nullable
            @Serdeable.Deserializable(using = StrictText.class)
            String currency) {}
}
