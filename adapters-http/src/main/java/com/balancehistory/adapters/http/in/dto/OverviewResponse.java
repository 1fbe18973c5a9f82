package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.CurrencySummary;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.CurrencyOverview;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Latest balances summarized per currency. There is deliberately no total across currencies. */
@Serdeable
@Schema(name = "Overview")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OverviewResponse(List<CurrencyItem> currencies) {

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
        return new OverviewResponse(summaries.stream()
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
                .toList());
    }
}
