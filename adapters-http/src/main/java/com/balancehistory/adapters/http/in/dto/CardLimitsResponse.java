package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.query.CardLimitsReading;
import com.balancehistory.application.port.in.query.CardAnswer;
import com.balancehistory.domain.limit.LimitStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** A card's remaining limit per period and, with configured totals, used amount and utilization (0 to 1). */
@Serdeable
@Schema(name = "CardLimits")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CardLimitsResponse(Card card, String headroom, List<Period> periods) {

    /** Which card, when it was observed and whether that is stale. */
    @Serdeable
    @Schema(name = "Card")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Card(
            String accountId,
            String externalId,
            String name,
            String source,
            String provider,
            String currency,
            String observedAt,
            boolean stale) {
        public static Card of(CardAnswer<?> answer) {
            CardLimitsReading reading = answer.reading();
            var card = reading.card();
            return new Card(
                    card.id().value(),
                    card.externalId(),
                    card.name(),
                    card.source(),
                    card.provider().configName(),
                    reading.limits().currency().getCurrencyCode(),
                    reading.observedAt().toString(),
                    answer.stale());
        }
    }

    /** One period of the limit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LimitPeriod")
    public record Period(
            @Schema(example = "daily") String period,
            String remaining,
            @Nullable String total,
            @Nullable String used,

            @Schema(example = "0.7525", description = "used / total, 4 decimals") @Nullable
            String utilization) {
        static Period of(LimitStatus status) {
            return new Period(
                    status.period().apiName(),
                    status.remaining().toPlainString(),
                    BalanceItem.amount(status.total()),
                    BalanceItem.amount(status.used()),
                    status.utilization().map(BigDecimal::toPlainString).orElse(null));
        }
    }

    public static CardLimitsResponse of(CardAnswer<List<LimitStatus>> answer) {
        return new CardLimitsResponse(
                Card.of(answer),
                answer.reading().limits().headroom().toPlainString(),
                answer.result().stream().map(Period::of).toList());
    }
}
