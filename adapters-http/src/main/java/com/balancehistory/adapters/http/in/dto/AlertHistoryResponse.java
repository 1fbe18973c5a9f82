package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.domain.alert.AlertAmount;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Past alert firings and resolutions, newest first, in the fields of the active alerts. */
@Serdeable
@Schema(name = "AlertHistory")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertHistoryResponse(List<Event> events) {

    /** One firing or resolution, with the values that caused it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AlertEvent")
    public record Event(
            long id,

            @Schema(
                    description = "fired or resolved",
                    allowableValues = {"fired", "resolved"})
            String event,

            @Schema(
                    description = "the alert's kind",
                    allowableValues = {"low-balance", "low-limit", "stale-data", "significant-change", "top-up-settled"
                    })
            String kind,

            @Schema(description = "the account concerned; null for a source's stale data", example = "pin.budget.b1")
            @Nullable
            String accountId,

            @Schema(description = "with low-limit: the card-limit period", example = "monthly") @Nullable
            String period,

            String source,
            @Schema(format = "date-time") String occurredAt,

            @Schema(format = "date-time", description = "when the alert fired")
            String firedAt,

            @Schema(
                    description = "the balance, remaining limit or change, in the currency's scale; with stale-data "
                            + "the poll intervals since the last successful poll",
                    example = "94.20")
            @Nullable
            String value,

            @Schema(description = "the threshold compared with, in the same terms as value", example = "100.00")
            @Nullable
            String threshold,

            @Schema(description = "the currency of value and threshold; null with stale-data", example = "USD")
            @Nullable
            String currency,

            String message) {}

    public static AlertHistoryResponse of(List<AlertEvent> events) {
        return new AlertHistoryResponse(
                events.stream().map(AlertHistoryResponse::event).toList());
    }

    private static Event event(AlertEvent event) {
        AlertKind kind = event.key().kind();
        Optional<Money> value = AlertAmount.of(kind, event.value(), event.unit());
        Optional<Money> threshold = AlertAmount.of(kind, event.threshold(), event.unit());
        // stale data counts poll intervals: those stay as recorded, with no currency
        boolean money = kind != AlertKind.STALE_DATA && event.unit().isPresent();
        return new Event(
                event.id(),
                event.type().code(),
                kind.apiName(),
                event.key().accountId().orElse(null),
                event.key().period().map(LimitPeriod::apiName).orElse(null),
                event.source(),
                event.occurredAt().toString(),
                event.firedAt().toString(),
                money ? BalanceItem.amount(value) : plain(event.value()),
                money ? BalanceItem.amount(threshold) : plain(event.threshold()),
                money ? event.unit().orElse(null) : null,
                event.message());
    }

    private static String plain(Optional<BigDecimal> number) {
        return number.map(BigDecimal::toPlainString).orElse(null);
    }
}
