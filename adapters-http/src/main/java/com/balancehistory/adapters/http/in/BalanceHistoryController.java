package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.HistoryResponse;
import com.balancehistory.adapters.http.in.dto.RunwayResponse;
import com.balancehistory.adapters.http.in.dto.TrendResponse;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.query.AnalyzeTrendUseCase;
import com.balancehistory.application.port.in.query.ForecastRunwayUseCase;
import com.balancehistory.application.port.in.query.HistoryBucketing;
import com.balancehistory.application.port.in.query.HistoryQuery;
import com.balancehistory.application.port.in.query.QueryHistoryUseCase;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One account over time: its history, its trend and its runway. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "balances")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class BalanceHistoryController {

    private static final Duration DEFAULT_HISTORY_RANGE = Duration.ofDays(7);

    private final QueryHistoryUseCase history;
    private final AnalyzeTrendUseCase trend;
    private final ForecastRunwayUseCase runway;
    private final Clock clock;

    public BalanceHistoryController(
            QueryHistoryUseCase history, AnalyzeTrendUseCase trend, ForecastRunwayUseCase runway, Clock clock) {
        this.history = history;
        this.trend = trend;
        this.runway = runway;
        this.clock = clock;
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
}
