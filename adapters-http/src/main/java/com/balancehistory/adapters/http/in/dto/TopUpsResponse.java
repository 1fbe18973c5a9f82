package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.AccountRunway;
import com.balancehistory.application.port.in.query.TopUpPlan;
import com.balancehistory.domain.account.LabelGroups;
import com.balancehistory.domain.analytics.Runway;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Every account that needs a top-up to last the target, and the sums to add per currency (never across them). */
@Serdeable
@Schema(name = "TopUps")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TopUpsResponse(
        @Schema(example = "P30D") String window,
        @Schema(example = "P14D") String target,
        String asOf,

        @Schema(description = "by currency, then largest top-up first")
        List<AccountItem> accounts,

        @Schema(description = "per currency: how many accounts need a top-up and the total to add")
        List<CurrencyItem> currencies,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String groupBy,

        @Schema(description = "with groupBy: per label value, then (unlabelled), the totals per currency")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        List<GroupItem> groups) {

    /** One account that needs a top-up. */
    @Serdeable
    @Schema(name = "TopUpAccount")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountItem(
            String accountId,
            String name,
            String source,
            String currency,
            String balance,
            String observedAt,
            String averageDailyBurn,
            String outlook,
            @Nullable String runwayDays,
            @Nullable String runsOutAt,
            String topUp,
            Map<String, String> labels) {}

    /** The top-ups of one currency. */
    @Serdeable
    @Schema(name = "TopUpCurrency")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CurrencyItem(
            String currency,
            int accounts,
            @Schema(example = "700.00") String total) {}

    /** The top-ups of one label value (or of the accounts without the label: "(unlabelled)", labelled false). */
    @Serdeable
    @Schema(name = "TopUpGroup")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GroupItem(String group, boolean labelled, List<CurrencyItem> currencies) {}

    public static TopUpsResponse of(TopUpPlan plan) {
        return new TopUpsResponse(
                plan.window().toString(),
                plan.target().toString(),
                plan.asOf().toString(),
                plan.accounts().stream().map(TopUpsResponse::account).toList(),
                currencies(plan.totals()),
                plan.groupBy().orElse(null),
                plan.groupBy().isEmpty()
                        ? null
                        : plan.groups().stream()
                                .map(group -> new GroupItem(
                                        group.value().orElse(LabelGroups.UNLABELLED),
                                        group.value().isPresent(),
                                        currencies(group.totals())))
                                .toList());
    }

    private static AccountItem account(AccountRunway accountRunway) {
        Runway runway = accountRunway.runway();
        return new AccountItem(
                accountRunway.account().id().value(),
                accountRunway.account().name(),
                accountRunway.account().source(),
                accountRunway.account().currency().getCurrencyCode(),
                runway.balance().toPlainString(),
                runway.observedAt().toString(),
                runway.averageDailyBurn().orElseThrow().toPlainString(),
                RunwayResponse.outlook(runway.outlook()),
                runway.runwayDays().map(BigDecimal::toPlainString).orElse(null),
                BalanceItem.time(runway.runsOutAt()),
                runway.topUp().orElseThrow().toPlainString(),
                accountRunway.account().labels().values());
    }

    private static List<CurrencyItem> currencies(List<TopUpPlan.CurrencyTopUp> totals) {
        return totals.stream()
                .map(t -> new CurrencyItem(
                        t.total().currencyCode(), t.accounts(), t.total().toPlainString()))
                .toList();
    }
}
