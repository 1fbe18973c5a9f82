package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.CardLimitsResponse;
import com.balancehistory.adapters.http.in.dto.CardsResponse;
import com.balancehistory.adapters.http.in.dto.PlanRequest;
import com.balancehistory.adapters.http.in.dto.PlanResponse;
import com.balancehistory.adapters.http.in.dto.PurchaseCheckRequest;
import com.balancehistory.adapters.http.in.dto.PurchaseCheckResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.query.CardAnswer;
import com.balancehistory.application.port.in.query.CheckCardLimitsUseCase;
import com.balancehistory.application.port.in.query.ListCardsUseCase;
import com.balancehistory.domain.limit.ExpensePlan;
import com.balancehistory.domain.limit.LimitStatus;
import com.balancehistory.domain.limit.PlannedExpense;
import com.balancehistory.domain.money.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Card spending limits, purchase checks and expense plans. {@code cardId} is the account id or the provider's id. */
@Controller("/api/v1/cards")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cards")
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class CardsController {

    private static final int MAX_EXPENSES = 1_000;

    private final CheckCardLimitsUseCase cards;
    private final ListCardsUseCase list;

    public CardsController(CheckCardLimitsUseCase cards, ListCardsUseCase list) {
        this.cards = cards;
        this.list = list;
    }

    @Get
    @Operation(
            operationId = "listCards",
            summary = "Every card with recorded limits",
            description = "Each card as GET /api/v1/cards/{cardId}/limits answers it: ids (accountId, the provider's "
                    + "card id as externalId), source, provider, currency, observedAt, stale, and the latest "
                    + "remaining per period with configured totals; ordered by account id.")
    public CardsResponse all() {
        List<CardLimitsResponse> items =
                list.cards().stream().map(CardLimitsResponse::of).toList();
        return new CardsResponse(items, items.size());
    }

    @Get("/{cardId}/limits")
    @Operation(
            operationId = "getCardLimits",
            summary = "Remaining limit per period; with configured totals also used and utilization")
    @ApiResponse(
            responseCode = "404",
            description = "no card with limits has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CardLimitsResponse limits(@PathVariable String cardId) {
        CardAnswer<List<LimitStatus>> answer = cards.limits(cardId).orElseThrow(() -> unknownCard(cardId));
        return CardLimitsResponse.of(answer);
    }

    @Post("/{cardId}/purchase-check")
    @Operation(
            operationId = "checkCardPurchase",
            summary = "Whether a purchase fits every period of the card's limits, and which periods it breaks")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @ApiResponse(
            responseCode = "404",
            description = "no card with limits has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PurchaseCheckResponse purchaseCheck(@PathVariable String cardId, @Body PurchaseCheckRequest request) {
        Currency currency = Params.currency("currency", request.currency());
        Money amount = Params.money("amount", request.amount(), currency);
        return PurchaseCheckResponse.of(cards.checkPurchase(cardId, amount).orElseThrow(() -> unknownCard(cardId)));
    }

    @Post("/{cardId}/plan")
    @Operation(
            operationId = "planCardExpenses",
            summary = "Whether a list of expenses fits the card's limits, per period, and what remains after",
            description = "Amounts are in the card's currency; an expense (or the plan's currency) in another "
                    + "currency is a 400 naming expenses[i].currency (or currency), as purchase-check refuses it: "
                    + "limits are never converted.")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @ApiResponse(
            responseCode = "404",
            description = "no card with limits has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanResponse plan(@PathVariable String cardId, @Body PlanRequest request) {
        CardAnswer<List<LimitStatus>> card = cards.limits(cardId).orElseThrow(() -> unknownCard(cardId));
        Currency cardCurrency = card.reading().limits().currency();
        Currency planCurrency =
                request.currency() == null ? cardCurrency : Params.currency("currency", request.currency());
        List<PlanRequest.Expense> expenses = request.expenses() == null ? List.of() : request.expenses();
        if (expenses.size() > MAX_EXPENSES) {
            throw ApiProblem.invalidParameter("expenses", "at most " + MAX_EXPENSES + " expenses per plan");
        }
        List<PlannedExpense> planned = new ArrayList<>();
        for (int i = 0; i < expenses.size(); i++) {
            PlanRequest.Expense expense = expenses.get(i);
            if (expense == null) {
                throw ApiProblem.invalidParameter("expenses[" + i + "]", "expense " + i + " is missing");
            }
            Currency currency = expense.currency() == null
                    ? planCurrency
                    : Params.currency("expenses[" + i + "].currency", expense.currency());
            if (!currency.equals(cardCurrency)) {
                // refused here, as purchase-check refuses it: one plan never mixes currencies, nothing is converted
                throw ApiProblem.invalidParameter(
                        expense.currency() == null ? "currency" : "expenses[" + i + "].currency",
                        "the amount is in " + currency.getCurrencyCode() + " but card "
                                + card.reading().card().id().value() + " is in " + cardCurrency.getCurrencyCode()
                                + "; limits are never converted");
            }
            Money amount = Params.money("expenses[" + i + "].amount", expense.amount(), currency);
            if (amount.isNegative()) {
                throw ApiProblem.invalidParameter("expenses[" + i + "].amount", "a planned expense cannot be negative");
            }
            if (expense.description() == null || expense.description().isBlank()) {
                throw ApiProblem.invalidParameter(
                        "expenses[" + i + "].description", "a planned expense needs a " + "description");
            }
            planned.add(PlannedExpense.of(expense.description(), amount));
        }
        ExpensePlan plan = new ExpensePlan(planned);
        String total = plan.total().orElse(Money.zero(cardCurrency)).toPlainString();
        return PlanResponse.of(cards.plan(cardId, plan).orElseThrow(() -> unknownCard(cardId)), total);
    }

    private static ApiProblem unknownCard(@Nullable String cardId) {
        String id = Params.shorten(String.valueOf(cardId));
        return ApiProblem.notFound("card " + id, "no card '" + id + "' with recorded limits");
    }
}
