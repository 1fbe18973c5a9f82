package com.balancehistory.application.model.query;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.limit.CardLimits;
import java.time.Instant;
import java.util.Objects;

/** A card's latest remaining limits with their configured totals, observed at {@code observedAt} (the oldest period). */
public record CardLimitsReading(Account card, CardLimits limits, Instant observedAt) {

    public CardLimitsReading {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
