package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.CardLimitsReading;
import com.balancehistory.application.port.in.query.CardAnswer;
import com.balancehistory.application.port.in.query.CheckCardLimitsUseCase;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.in.query.ListCardsUseCase;
import com.balancehistory.application.port.out.query.CardLimitReadModel;
import com.balancehistory.domain.limit.ExpensePlan;
import com.balancehistory.domain.limit.ExpensePlanResult;
import com.balancehistory.domain.limit.LimitStatus;
import com.balancehistory.domain.limit.PlannedExpense;
import com.balancehistory.domain.limit.PurchaseCheck;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Card limits, purchase checks and expense plans against a card's latest remaining limits (domain rules). */
public final class CardLimitsQueryService implements CheckCardLimitsUseCase, ListCardsUseCase {

    private final CardLimitReadModel readModel;
    private final QuerySettings settings;
    private final Clock clock;

    public CardLimitsQueryService(CardLimitReadModel readModel, QuerySettings settings, Clock clock) {
        this.readModel = readModel;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<CardAnswer<List<LimitStatus>>> cards() {
        return readModel.allCards().stream()
                .sorted(java.util.Comparator.comparing(
                        reading -> reading.card().id().value()))
                .map(reading -> answer(reading, reading.limits().statuses()))
                .toList();
    }

    @Override
    public Optional<CardAnswer<List<LimitStatus>>> limits(String cardId) {
        return find(cardId).map(reading -> answer(reading, reading.limits().statuses()));
    }

    @Override
    public Optional<CardAnswer<PurchaseCheck>> checkPurchase(String cardId, Money amount) {
        if (amount.isNegative()) {
            throw new InvalidQueryException("amount", "a purchase cannot be negative: " + amount);
        }
        return find(cardId).map(reading -> {
            requireCardCurrency(reading, amount, "currency");
            return answer(reading, reading.limits().check(amount));
        });
    }

    @Override
    public Optional<CardAnswer<ExpensePlanResult>> plan(String cardId, ExpensePlan plan) {
        return find(cardId).map(reading -> {
            for (int i = 0; i < plan.expenses().size(); i++) {
                PlannedExpense expense = plan.expenses().get(i);
                requireCardCurrency(reading, expense.amount(), "expenses[" + i + "].currency");
            }
            return answer(reading, reading.limits().evaluate(plan));
        });
    }

    private Optional<CardLimitsReading> find(String cardId) {
        List<CardLimitsReading> cards = readModel.findCards(cardId);
        if (cards.size() > 1) {
            throw new InvalidQueryException(
                    "cardId",
                    "card id '" + cardId + "' names cards in several sources ("
                            + cards.stream().map(c -> c.card().id().value()).collect(Collectors.joining(", "))
                            + "); use the account id");
        }
        return cards.stream().findFirst();
    }

    private static void requireCardCurrency(CardLimitsReading reading, Money amount, String parameter) {
        if (!amount.hasCurrency(reading.limits().currency())) {
            throw new InvalidQueryException(
                    parameter,
                    "the amount is in " + amount.currencyCode() + " but card "
                            + reading.card().id() + " is in "
                            + reading.limits().currency().getCurrencyCode()
                            + "; limits are never converted");
        }
    }

    private <T> CardAnswer<T> answer(CardLimitsReading reading, T result) {
        boolean stale = settings.intervals()
                .cutoffsAt(clock.instant())
                .isStale(reading.card().source(), reading.observedAt());
        return new CardAnswer<>(reading, stale, result);
    }
}
