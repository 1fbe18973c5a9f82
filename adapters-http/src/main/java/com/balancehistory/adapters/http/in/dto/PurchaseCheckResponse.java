package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.CardAnswer;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.limit.PurchaseCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Whether a purchase fits every period, and each period it would break with the shortfall. */
@Serdeable
@Schema(name = "PurchaseCheck")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PurchaseCheckResponse(
        CardLimitsResponse.Card card,
        String amount,
        String currency,
        boolean allowed,
        List<String> brokenPeriods,
        List<Broken> broken) {

    /** A period the purchase would exceed. */
    @Serdeable
    @Schema(name = "BrokenLimit")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Broken(String period, String remaining, String shortfall) {}

    public static PurchaseCheckResponse of(CardAnswer<PurchaseCheck> answer) {
        PurchaseCheck check = answer.result();
        return new PurchaseCheckResponse(
                CardLimitsResponse.Card.of(answer),
                check.amount().toPlainString(),
                check.amount().currencyCode(),
                check.fits(),
                check.brokenPeriods().stream().map(LimitPeriod::apiName).toList(),
                check.brokenLimits().stream()
                        .map(b -> new Broken(
                                b.period().apiName(),
                                b.remaining().toPlainString(),
                                b.shortfall().toPlainString()))
                        .toList());
    }
}
