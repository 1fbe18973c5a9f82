package com.balancehistory.domain.limit;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A card's remaining spending limit per period as observed in one poll; remaining amounts are never negative. */
public record CardLimitObservation(Account card, Map<LimitPeriod, Money> remaining) {

    public CardLimitObservation {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(remaining, "remaining");
        if (card.kind() != AccountKind.CARD_SPENDING_LIMIT) {
            // the store keeps limits as the history of card-limit accounts, and finds them by that kind
            throw new IllegalArgumentException("card " + card.externalId() + " is a "
                    + card.kind().slug() + " account, expected " + AccountKind.CARD_SPENDING_LIMIT.slug());
        }
        if (remaining.isEmpty()) {
            throw new IllegalArgumentException("card " + card.externalId() + " has no remaining limits");
        }
        remaining.forEach((period, amount) -> {
            if (!amount.hasCurrency(card.currency())) {
                throw new IllegalArgumentException(period.apiName() + " limit of card " + card.externalId() + " is in "
                        + amount.currencyCode() + ", expected " + card.currency());
            }
            if (amount.isNegative()) {
                throw new IllegalArgumentException(
                        period.apiName() + " limit of card " + card.externalId() + " is negative: " + amount);
            }
        });
        remaining = Collections.unmodifiableMap(new EnumMap<>(remaining));
    }
}
