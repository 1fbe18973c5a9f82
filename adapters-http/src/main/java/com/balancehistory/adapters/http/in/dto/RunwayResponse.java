package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.AccountRunway;
import com.balancehistory.domain.analytics.DepletionForecast.Outlook;
import com.balancehistory.domain.analytics.Runway;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Locale;

/** How long an account's available balance lasts at its trend's burn, and what to add so it lasts the target. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Runway")
public record RunwayResponse(
        String accountId,
        String name,
        String currency,
        @Schema(example = "P30D") String window,
        @Schema(example = "P14D") String target,
        String asOf,

        @Schema(description = "the latest available balance", example = "700.00")
        String balance,

        @Schema(description = "when that balance was observed")
        String observedAt,

        @Schema(
                description = "the trend's average daily burn over the window (decreases only: top-ups and "
                        + "limit resets are not negative burn); absent without enough history",
                example = "100.00")
        @Nullable
        String averageDailyBurn,

        @Schema(description = "projected, not_enough_history, not_decreasing, already_depleted, beyond_horizon")
        String outlook,

        @Schema(description = "balance / burn, 2 decimals rounded down", example = "7.00") @Nullable
        String runwayDays,

        @Schema(description = "observedAt + runwayDays at the burn, when projected") @Nullable
        String runsOutAt,

        @Schema(description = "why there is no runsOutAt") @Nullable
        String reason,

        @Schema(
                description = "burn x target - balance, rounded up to the currency's minor unit; 0 when the "
                        + "balance already lasts the target; absent without enough history",
                example = "700.00")
        @Nullable
        String topUp) {

    public static RunwayResponse of(AccountRunway accountRunway) {
        Runway runway = accountRunway.runway();
        return new RunwayResponse(
                accountRunway.account().id().value(),
                accountRunway.account().name(),
                accountRunway.account().currency().getCurrencyCode(),
                accountRunway.window().toString(),
                runway.target().toString(),
                accountRunway.asOf().toString(),
                runway.balance().toPlainString(),
                runway.observedAt().toString(),
                BalanceItem.amount(runway.averageDailyBurn()),
                outlook(runway.outlook()),
                runway.runwayDays().map(BigDecimal::toPlainString).orElse(null),
                BalanceItem.time(runway.runsOutAt()),
                reason(runway.outlook()),
                BalanceItem.amount(runway.topUp()));
    }

    static String outlook(Outlook outlook) {
        return outlook.name().toLowerCase(Locale.ROOT);
    }

    static String reason(Outlook outlook) {
        return switch (outlook) {
            case PROJECTED -> null;
            case NOT_ENOUGH_HISTORY -> "not enough history: too few observations in the window to measure a burn";
            case NOT_DECREASING -> "not decreasing: the balance did not go down in the window";
            case ALREADY_DEPLETED -> "already depleted: the latest balance is zero or below";
            case BEYOND_HORIZON -> "the burn is too slow for a meaningful date";
        };
    }
}
