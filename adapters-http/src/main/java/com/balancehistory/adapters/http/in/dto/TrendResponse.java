package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.AccountTrend;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.analytics.BalanceTrend;
import com.balancehistory.domain.analytics.DepletionForecast;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.ZoneOffset;
import java.util.Locale;

/** How an account's available balance moved over a window ending now. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Trend")
public record TrendResponse(
        String accountId,
        String currency,
        @Schema(example = "P30D") String window,
        String from,
        String asOf,
        int points,
        @Nullable HistoryResponse.Point first,
        @Nullable HistoryResponse.Point last,
        @Nullable String change,
        @Schema(example = "-12.50") @Nullable String percentChange,
        @Nullable String averageDailyBurn,
        Depletion depletion) {

    /** The projected depletion, or the reason there is none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Depletion")
    public record Depletion(
            @Schema(description = "projected, not_enough_history, not_decreasing, already_depleted, beyond_horizon")
            String outlook,

            @Nullable String depletesAt,
            @Nullable String date,
            @Nullable String reason) {}

    public static TrendResponse of(AccountTrend accountTrend) {
        BalanceTrend trend = accountTrend.trend();
        return new TrendResponse(
                accountTrend.account().id().value(),
                accountTrend.account().currency().getCurrencyCode(),
                accountTrend.window().toString(),
                accountTrend.asOf().minus(accountTrend.window()).toString(),
                accountTrend.asOf().toString(),
                trend.points().size(),
                trend.first().map(TrendResponse::point).orElse(null),
                trend.last().map(TrendResponse::point).orElse(null),
                BalanceItem.amount(trend.change()),
                trend.percentChange().map(java.math.BigDecimal::toPlainString).orElse(null),
                BalanceItem.amount(trend.averageDailyBurn()),
                depletion(trend.depletion()));
    }

    private static HistoryResponse.Point point(BalancePoint point) {
        return new HistoryResponse.Point(point.at().toString(), point.balance().toPlainString());
    }

    private static Depletion depletion(DepletionForecast forecast) {
        String outlook = forecast.outlook().name().toLowerCase(Locale.ROOT);
        return switch (forecast.outlook()) {
            case PROJECTED ->
                new Depletion(
                        outlook,
                        forecast.depletesAt().orElseThrow().toString(),
                        forecast.depletionDate(ZoneOffset.UTC).orElseThrow().toString(),
                        null);
            case NOT_ENOUGH_HISTORY ->
                new Depletion(outlook, null, null, "too few observations in the window to project a burn rate");
            case NOT_DECREASING -> new Depletion(outlook, null, null, "the balance did not go down in the window");
            case ALREADY_DEPLETED -> new Depletion(outlook, null, null, "the latest balance is zero or below");
            case BEYOND_HORIZON ->
                new Depletion(outlook, null, null, "the burn is too slow for a meaningful depletion date");
        };
    }
}
