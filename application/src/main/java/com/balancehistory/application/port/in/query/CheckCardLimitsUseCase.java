package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.limit.ExpensePlan;
import com.balancehistory.domain.limit.ExpensePlanResult;
import com.balancehistory.domain.limit.LimitStatus;
import com.balancehistory.domain.limit.PurchaseCheck;
import com.balancehistory.domain.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * A card's remaining limits, and whether a purchase or a plan of expenses fits them. The card is named by its account
 * id or its provider card id; empty when no card with limits has that id.
 *
 * @throws InvalidQueryException when a provider card id names cards in several sources, or an amount is in another
 *                               currency than the card (nothing is converted)
 */
public interface CheckCardLimitsUseCase {

    Optional<CardAnswer<List<LimitStatus>>> limits(String cardId);

    Optional<CardAnswer<PurchaseCheck>> checkPurchase(String cardId, Money amount);

    Optional<CardAnswer<ExpensePlanResult>> plan(String cardId, ExpensePlan plan);
}
