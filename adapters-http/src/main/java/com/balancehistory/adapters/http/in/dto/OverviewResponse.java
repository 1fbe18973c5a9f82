package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.CurrencySummary;
import com.balancehistory.application.port.in.query.LabelGroupSummary;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.CurrencyOverview;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Latest balances summarized per currency. There is deliberately no total across currencies. */
@Serdeable
@Schema(name = "Overview")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OverviewResponse(
        List<CurrencyItem> currencies,

        @Schema(description = "the label key the groups are by, when groupBy was given")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        String groupBy,

        @Schema(
                description = "with groupBy: per label value, then (unlabelled), the accounts per currency; "
                        + "never a total across currencies")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        List<GroupItem> groups,

        @Schema(
                description = "with convertTo: the currencies' totals in that currency, with every rate used; partial "
                        + "when a currency has no rate (left out, never 1:1)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        ConvertedTotalItem convertedTotal) {

    /** The accounts with one value of the label (or without it: group "(unlabelled)", labelled false). */
    @Serdeable
    @Schema(name = "LabelGroup")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GroupItem(
            @Schema(example = "Marketing") String group,
            boolean labelled,
            List<GroupCurrencyItem> currencies,

            @Schema(
                    description = "with convertTo: this group's currency totals in that currency, with every "
                            + "rate used; partial when a currency has no rate (left out, never 1:1)")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Nullable
            ConvertedTotalItem convertedTotal) {}

    /** One currency of a label group. */
    @Serdeable
    @Schema(name = "LabelGroupCurrency")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GroupCurrencyItem(String currency, int count, String total, AccountRef lowest, int lowBalanceCount) {}

    /** The accounts of one currency. */
    @Serdeable
    @Schema(name = "CurrencyOverview")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CurrencyItem(
            String currency,
            int count,
            String total,
            String average,
            AccountRef highest,
            AccountRef lowest,
            int lowBalanceCount,
            List<String> lowBalanceAccounts,

            @Schema(description = "accounts per health tier label")
            Map<String, Integer> healthTiers,

            int staleAccounts) {}

    /** An account and its available balance. */
    @Serdeable
    @Schema(name = "AccountRef")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccountRef(String accountId, String name, String available) {
        static AccountRef of(AccountBalance balance) {
            return new AccountRef(
                    balance.id().value(), balance.name(), balance.available().toPlainString());
        }
    }

    public static OverviewResponse of(List<CurrencySummary> summaries) {
        return of(summaries, null, null);
    }

    public static OverviewResponse of(
            List<CurrencySummary> summaries, String groupBy, List<LabelGroupSummary> groupSummaries) {
        List<GroupItem> groups = groupSummaries == null
                ? null
                : groupSummaries.stream()
                        .map(group -> new GroupItem(
                                group.group(),
                                group.value().isPresent(),
                                group.currencies().stream()
                                        .map(c -> new GroupCurrencyItem(
                                                c.overview().currency().getCurrencyCode(),
                                                c.overview().count(),
                                                c.overview().total().toPlainString(),
                                                AccountRef.of(c.overview().lowest()),
                                                c.lowBalanceCount()))
                                        .toList(),
                                null))
                        .toList();
        return new OverviewResponse(currencies(summaries), groupBy, groups, null);
    }

    /** The same overview with the converted total added. */
    public OverviewResponse withConvertedTotal(ConvertedTotalItem converted) {
        return new OverviewResponse(currencies, groupBy, groups, converted);
    }

    /** The same overview with each group's converted total added, {@code perGroup} in the order of the groups. */
    public OverviewResponse withGroupConvertedTotals(List<ConvertedTotalItem> perGroup) {
        if (groups == null || perGroup.size() != groups.size()) {
            throw new IllegalArgumentException("one converted total per group is needed");
        }
        List<GroupItem> converted = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupItem group = groups.get(i);
            converted.add(new GroupItem(group.group(), group.labelled(), group.currencies(), perGroup.get(i)));
        }
        return new OverviewResponse(currencies, groupBy, converted, convertedTotal);
    }

    private static List<CurrencyItem> currencies(List<CurrencySummary> summaries) {
        return summaries.stream()
                .map(summary -> {
                    CurrencyOverview o = summary.overview();
                    return new CurrencyItem(
                            o.currency().getCurrencyCode(),
                            o.count(),
                            o.total().toPlainString(),
                            o.average().toPlainString(),
                            AccountRef.of(o.highest()),
                            AccountRef.of(o.lowest()),
                            summary.lowBalanceAccounts().size(),
                            summary.lowBalanceAccounts().stream()
                                    .map(AccountId::value)
                                    .toList(),
                            summary.healthTiers(),
                            summary.staleAccounts());
                })
                .toList();
    }
}
