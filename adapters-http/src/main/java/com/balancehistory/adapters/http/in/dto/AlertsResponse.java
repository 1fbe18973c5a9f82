package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.domain.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The alerts active now, as the alert lifecycle recorded them. */
@Serdeable
@Schema(name = "Alerts")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertsResponse(int count, List<Alert> alerts) {

    /** One active alert. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Alert")
    public record Alert(
            @Schema(description = "low-balance, low-limit, stale-data, significant-change or top-up-settled")
            String kind,

            String source,
            @Nullable String accountId,
            @Nullable String period,
            @Nullable String value,
            @Nullable String threshold,
            @Nullable String currency,
            String observedAt,
            String message) {}

    public static AlertsResponse of(List<ActiveAlert> alerts) {
        return new AlertsResponse(
                alerts.size(),
                alerts.stream()
                        .map(a -> new Alert(
                                a.kind().apiName(),
                                a.source(),
                                a.account().orElse(null),
                                a.period().map(p -> p.apiName()).orElse(null),
                                BalanceItem.amount(a.value()),
                                BalanceItem.amount(a.threshold()),
                                a.value().map(Money::currencyCode).orElse(null),
                                a.observedAt().toString(),
                                a.message()))
                        .toList());
    }
}
