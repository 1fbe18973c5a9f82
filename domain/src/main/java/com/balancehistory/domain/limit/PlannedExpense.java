package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.Money;
import java.util.Objects;

/** One expense somebody intends to pay with a card, such as "team lunch, 84.50 USD". Never negative. */
public record PlannedExpense(String description, Money amount) {

    public PlannedExpense {
        Objects.requireNonNull(amount, "amount");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a planned expense needs a description");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("planned expense '" + description + "' is negative: " + amount);
        }
        description = description.strip();
    }

    public static PlannedExpense of(String description, Money amount) {
        return new PlannedExpense(description, amount);
    }
}
