package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.AccountDetailResponse;
import com.balancehistory.adapters.http.in.dto.BalanceItem;
import com.balancehistory.adapters.http.in.dto.BalanceListResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.query.AccountDetailAsOf;
import com.balancehistory.application.port.in.query.BalanceListQuery;
import com.balancehistory.application.port.in.query.BalancePage;
import com.balancehistory.application.port.in.query.GetAccountBalanceUseCase;
import com.balancehistory.application.port.in.query.ListBalancesUseCase;
import com.balancehistory.domain.account.AccountId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Latest balances: the list and one account, now or as of a time. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "balances")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class BalancesController {

    private final ListBalancesUseCase list;
    private final GetAccountBalanceUseCase get;

    public BalancesController(ListBalancesUseCase list, GetAccountBalanceUseCase get) {
        this.list = list;
        this.get = get;
    }

    @Get("/balances")
    @Operation(
            operationId = "listBalances",
            summary = "Latest balance of every account",
            description =
                    "Filters are exact except q, which "
                            + "matches name or account id case-insensitively. sort=name|available|observedAt, order=asc|desc; "
                            + "limit 1..1000 (default 100), offset; total counts every match. asOf=<instant>: each account's "
                            + "balance as last observed at or before that time instead, with asOf, pollId, ageAtAsOf, "
                            + "staleAtAsOf, gone and lastPollFailedAt; accounts first seen later are left out, accounts gone "
                            + "then (even if back now) are listed with gone=true; filters, labels and stale apply as they held then.")
    public BalanceListResponse list(
            @Schema(allowableValues = {"ahrvo", "equals-money", "grantex", "holyheld"}) @QueryValue @Nullable
                    String provider,
            @QueryValue @Nullable String source,
            @Parameter(
                            description = "budget, grant or card; card-limit is refused with 400 (card limits are "
                                    + "not balances: see GET /api/v1/cards)",
                            example = "budget")
                    @Schema(allowableValues = {"budget", "grant", "card"})
                    @QueryValue
                    @Nullable
                    String kind,
            @QueryValue @Nullable String currency,
            @QueryValue @Nullable String q,
            @Schema(type = "boolean") @QueryValue @Nullable String stale,
            @Schema(allowableValues = {"name", "available", "observedAt"}) @QueryValue @Nullable String sort,
            @Schema(allowableValues = {"asc", "desc"}) @QueryValue @Nullable String order,
            @Schema(type = "integer", format = "int32", minimum = "1") @QueryValue @Nullable String limit,
            @Schema(type = "integer", format = "int32", minimum = "0") @QueryValue @Nullable String offset,
            @Parameter(
                            description = "key:value, repeatable: only accounts that have every one of these labels "
                                    + "now (department:Marketing)",
                            example = "department:Marketing")
                    @QueryValue("label")
                    @Nullable
                    List<String> label,
            @Parameter(
                            description = "an ISO-8601 instant: balances as last observed at or before it",
                            example = "2026-11-30T23:59:59Z")
                    @Schema(type = "string", format = "date-time")
                    @QueryValue
                    @Nullable
                    String asOf) {
        BalanceListQuery query = new BalanceListQuery(
                Params.text("provider", provider).map(BalanceListParameters::provider),
                Params.text("source", source),
                Params.text("kind", kind).map(BalanceListParameters::kind),
                Params.text("currency", currency)
                        .map(c -> Params.currency("currency", c).getCurrencyCode()),
                Params.text("q", q),
                Params.bool("stale", stale),
                BalanceListParameters.sort(sort),
                BalanceListParameters.descending(order),
                Params.integer("limit", limit, BalanceListQuery.DEFAULT_LIMIT, 1, BalanceListQuery.MAX_LIMIT),
                Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE),
                Params.labels("label", label),
                Params.instant("asOf", asOf));
        BalancePage page = this.list.list(query);
        return new BalanceListResponse(
                page.items().stream().map(BalanceItem::of).toList(), page.total(), page.limit(), page.offset());
    }

    @Get("/balances/{accountId}")
    @Operation(
            operationId = "getBalance",
            summary = "One account's latest balance with its health tier and low-balance state",
            description = "asOf=<instant>: its balance as last observed at or before that time instead (with the "
                    + "as-of fields, health and low-balance judged on that value); 404 when the account was first "
                    + "seen after asOf.")
    @ApiResponse(
            responseCode = "404",
            description = "unknown account, or (with asOf) an account first seen after asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountDetailResponse one(
            @PathVariable String accountId,
            @Parameter(
                            description = "an ISO-8601 instant: the balance as last observed at or before it",
                            example = "2026-11-30T23:59:59Z")
                    @Schema(type = "string", format = "date-time")
                    @QueryValue
                    @Nullable
                    String asOf) {
        AccountId id = Params.accountId(accountId);
        Optional<Instant> at = Params.instant("asOf", asOf);
        if (at.isEmpty()) {
            return get.get(id).map(AccountDetailResponse::of).orElseThrow(() -> Params.unknownAccount(accountId));
        }
        AccountDetailAsOf answer = get.getAsOf(id, at.get());
        if (answer instanceof AccountDetailAsOf.Found found) {
            return AccountDetailResponse.of(found.detail());
        }
        if (answer instanceof AccountDetailAsOf.FirstSeenLater later) {
            throw ApiProblem.notFound(
                    "account " + Params.shorten(accountId) + " as of " + at.get(),
                    "account '" + Params.shorten(accountId) + "' was first seen at " + later.firstSeenAt()
                            + ", after asOf " + at.get());
        }
        throw Params.unknownAccount(accountId);
    }
}
