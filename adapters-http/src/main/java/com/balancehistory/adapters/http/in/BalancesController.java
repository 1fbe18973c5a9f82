package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.AccountDetailResponse;
import com.balancehistory.adapters.http.in.dto.BalanceItem;
import com.balancehistory.adapters.http.in.dto.BalanceListResponse;
import com.balancehistory.adapters.http.in.dto.ConvertedTotalItem;
import com.balancehistory.adapters.http.in.dto.HistoryResponse;
import com.balancehistory.adapters.http.in.dto.OverviewResponse;
import com.balancehistory.adapters.http.in.dto.RunwayResponse;
import com.balancehistory.adapters.http.in.dto.TrendResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.application.port.in.fx.ConvertTotalsUseCase;
import com.balancehistory.application.port.in.query.AccountDetailAsOf;
import com.balancehistory.application.port.in.query.AnalyzeTrendUseCase;
import com.balancehistory.application.port.in.query.BalanceListQuery;
import com.balancehistory.application.port.in.query.BalancePage;
import com.balancehistory.application.port.in.query.CurrencySummary;
import com.balancehistory.application.port.in.query.ForecastRunwayUseCase;
import com.balancehistory.application.port.in.query.GetAccountBalanceUseCase;
import com.balancehistory.application.port.in.query.HistoryBucketing;
import com.balancehistory.application.port.in.query.HistoryQuery;
import com.balancehistory.application.port.in.query.LabelGroupSummary;
import com.balancehistory.application.port.in.query.ListBalancesUseCase;
import com.balancehistory.application.port.in.query.QueryHistoryUseCase;
import com.balancehistory.application.port.in.query.SummarizeBalancesUseCase;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.MoneyBag;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Latest balances, one account, its history and trend, and the per-currency overview. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "balances")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class BalancesController {

    private static final Duration DEFAULT_HISTORY_RANGE = Duration.ofDays(7);

    private final ListBalancesUseCase list;
    private final GetAccountBalanceUseCase get;
    private final QueryHistoryUseCase history;
    private final AnalyzeTrendUseCase trend;
    private final SummarizeBalancesUseCase overview;
    private final ConvertTotalsUseCase conversion;
    private final ForecastRunwayUseCase runway;
    private final Clock clock;

    public BalancesController(
            ListBalancesUseCase list,
            GetAccountBalanceUseCase get,
            QueryHistoryUseCase history,
            AnalyzeTrendUseCase trend,
            SummarizeBalancesUseCase overview,
            ForecastRunwayUseCase runway,
            ConvertTotalsUseCase conversion,
            Clock clock) {
        this.conversion = conversion;
        this.list = list;
        this.get = get;
        this.history = history;
        this.trend = trend;
        this.overview = overview;
        this.runway = runway;
        this.clock = clock;
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
                Params.text("provider", provider).map(BalancesController::provider),
                Params.text("source", source),
                Params.text("kind", kind).map(BalancesController::kind),
                Params.text("currency", currency)
                        .map(c -> Params.currency("currency", c).getCurrencyCode()),
                Params.text("q", q),
                Params.bool("stale", stale),
                sort(sort),
                descending(order),
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

    @Get("/balances/{accountId}/history")
    @Operation(
            operationId = "getBalanceHistory",
            summary = "History of one account",
            description = "bucket=raw (default) returns every snapshot in "
                    + "[from, to), at most 10,000; hour|day|week|month return one bucket per calendar unit of the zone "
                    + "(default UTC) with open, close, min, max and samples. Buckets without polls are empty; buckets with "
                    + "only failed polls are gaps. from/to default to the last 7 days.")
    @ApiResponse(
            responseCode = "404",
            description = "unknown account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryResponse history(
            @PathVariable String accountId,
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String from,
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String to,
            @Schema(allowableValues = {"raw", "hour", "day", "week", "month"}) @QueryValue @Nullable String bucket,
            @QueryValue @Nullable String zone) {
        AccountId id = Params.accountId(accountId);
        Instant end = Params.instant("to", to).orElseGet(clock::instant);
        Instant start = Params.instant("from", from).orElseGet(() -> end.minus(DEFAULT_HISTORY_RANGE));
        HistoryBucketing bucketing = HistoryBucketing.fromApiName(
                Params.text("bucket", bucket).orElse("raw").toLowerCase(Locale.ROOT));
        HistoryQuery query = new HistoryQuery(id, start, end, bucketing, Params.zone("zone", zone));
        return history.history(query).map(HistoryResponse::of).orElseThrow(() -> Params.unknownAccount(accountId));
    }

    @Get("/balances/{accountId}/trend")
    @Operation(
            operationId = "getBalanceTrend",
            summary = "Trend of one account over a window ending now",
            description = "window is an ISO-8601 duration (default P30D): change, percent change, average daily "
                    + "burn, and the projected depletion date or why there is none.")
    @ApiResponse(
            responseCode = "404",
            description = "unknown account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrendResponse trend(
            @PathVariable String accountId,
            @Schema(type = "string", format = "duration") @QueryValue @Nullable String window) {
        AccountId id = Params.accountId(accountId);
        Duration duration = Params.duration("window", window, Duration.ofDays(30));
        return trend.trend(id, duration).map(TrendResponse::of).orElseThrow(() -> Params.unknownAccount(accountId));
    }

    @Get("/balances/{accountId}/runway")
    @Operation(
            operationId = "getBalanceRunway",
            summary = "How long one account's balance lasts, and what to add so it lasts the target",
            description = "The average daily burn is the trend's over the window (decreases only: top-ups and limit "
                    + "resets are not negative burn). runwayDays = balance / burn (2 decimals, rounded down); "
                    + "runsOutAt = observedAt + that time, or reason why there is none (not decreasing, not enough "
                    + "history, already depleted); topUp = burn x target - balance in the account's currency, rounded "
                    + "up to its minor unit, 0 when the balance already lasts.")
    @ApiResponse(
            responseCode = "404",
            description = "unknown account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunwayResponse runway(
            @PathVariable String accountId,
            @Parameter(
                            description = "ISO-8601 duration the burn is measured over, ending now (default P30D)",
                            example = "P30D")
                    @Schema(type = "string", format = "duration")
                    @QueryValue
                    @Nullable
                    String window,
            @Parameter(
                            description = "ISO-8601 duration the balance should last from now (default P14D)",
                            example = "P14D")
                    @Schema(type = "string", format = "duration")
                    @QueryValue
                    @Nullable
                    String target) {
        AccountId id = Params.accountId(accountId);
        Duration over = Params.duration("window", window, Duration.ofDays(30));
        Duration lasting = Params.duration("target", target, Duration.ofDays(14));
        return runway.runway(id, over, lasting)
                .map(RunwayResponse::of)
                .orElseThrow(() -> Params.unknownAccount(accountId));
    }

    @Get("/overview")
    @Operation(
            operationId = "getOverview",
            summary = "Latest balances per currency",
            description = "count, total, average, highest, lowest, "
                    + "low-balance accounts and health tier counts per currency; never a total across currencies. "
                    + "label=key:value (repeatable, all must hold) selects accounts by their labels; groupBy=key adds "
                    + "groups: per value of that label, then the (unlabelled) group, per currency count, total, "
                    + "lowest and low-balance count. Low-balance counts apply every rule, runway rules (runway < 7d) "
                    + "with each account's burn. convertTo=<ISO code> adds convertedTotal: the currencies' totals "
                    + "in that currency with the configured and stored rates in force now (direct pairs only, never "
                    + "1:1), rounded once half-even at its scale; partial with missingCurrencies where a rate is "
                    + "missing; with groupBy each group gets its own convertedTotal too; an unknown code is a 400.")
    public OverviewResponse overview(
            @Parameter(
                            description =
                                    "key:value, repeatable: only accounts that have every one of these labels now",
                            example = "department:Marketing")
                    @QueryValue("label")
                    @Nullable
                    List<String> label,
            @Parameter(description = "a label key: group the accounts by its value", example = "department")
                    @QueryValue
                    @Nullable
                    String groupBy,
            @Parameter(
                            description = "an ISO 4217 code: add convertedTotal, the currencies' totals in it with "
                                    + "every rate used (pair, rate, date, source, stale), rounded once half-even at "
                                    + "its scale; partial, with the missing currencies, when a rate is missing",
                            example = "EUR")
                    @QueryValue
                    @Nullable
                    String convertTo) {
        List<Label> labels = Params.labels("label", label);
        Optional<String> key = Params.labelKey("groupBy", groupBy);
        Optional<Currency> target = Params.text("convertTo", convertTo).map(c -> Params.currency("convertTo", c));
        List<CurrencySummary> summaries = overview.overview(labels);
        Optional<List<LabelGroupSummary>> groups = key.map(k -> overview.overviewByLabel(k, labels));
        OverviewResponse response = groups.isEmpty()
                ? OverviewResponse.of(summaries)
                : OverviewResponse.of(summaries, key.get(), groups.get());
        if (target.isEmpty()) {
            return response;
        }
        // every total of this answer is converted with the rates in force at one instant
        Instant at = clock.instant();
        MoneyBag totals = MoneyBag.of(
                summaries.stream().map(summary -> summary.overview().total()).toList());
        response = response.withConvertedTotal(ConvertedTotalItem.of(conversion.convert(totals, target.get(), at)));
        if (groups.isEmpty()) {
            return response;
        }
        return response.withGroupConvertedTotals(groups.get().stream()
                .map(group -> ConvertedTotalItem.of(conversion.convert(
                        MoneyBag.of(group.currencies().stream()
                                .map(currency -> currency.overview().total())
                                .toList()),
                        target.get(),
                        at)))
                .toList());
    }

    private static String provider(String name) {
        try {
            return ProviderType.fromConfigName(name.toLowerCase(Locale.ROOT)).configName();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(
                    "provider",
                    "unknown provider '" + Params.shorten(name) + "' (known: "
                            + Arrays.stream(ProviderType.values())
                                    .map(ProviderType::configName)
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
    }

    private static String kind(String slug) {
        AccountKind found;
        try {
            found = AccountKind.fromSlug(slug.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(
                    "kind",
                    "unknown kind '" + Params.shorten(slug) + "' (known: "
                            + Arrays.stream(AccountKind.values())
                                    .filter(kind -> kind != AccountKind.CARD_SPENDING_LIMIT)
                                    .map(AccountKind::slug)
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
        // a card limit has remaining amounts per period, not a balance: an empty list would say "no cards"
        if (found == AccountKind.CARD_SPENDING_LIMIT) {
            throw ApiProblem.invalidParameter(
                    "kind",
                    "kind card-limit has no balances: card limits are listed at GET /api/v1/cards (known kinds here: "
                            + Arrays.stream(AccountKind.values())
                                    .filter(kind -> kind != AccountKind.CARD_SPENDING_LIMIT)
                                    .map(AccountKind::slug)
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
        return found.slug();
    }

    private static BalanceSort sort(String value) {
        Optional<String> text = Params.text("sort", value);
        if (text.isEmpty()) {
            return BalanceSort.NAME;
        }
        for (BalanceSort sort : BalanceSort.values()) {
            if (sort.apiName().equalsIgnoreCase(text.get())) {
                return sort;
            }
        }
        throw ApiProblem.invalidParameter(
                "sort", "sort must be name, available or observedAt, got '" + Params.shorten(text.get()) + "'");
    }

    private static boolean descending(String value) {
        return switch (Params.text("order", value).orElse("asc").toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ApiProblem.invalidParameter("order", "order must be asc or desc");
        };
    }
}
