package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The per-currency totals in one reporting currency, with every rate used. Never 1:1: a currency without a rate is
 * left out of {@code amount} and listed, and {@code partial} is true.
 */
@Serdeable
@Schema(name = "ConvertedTotal")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConvertedTotalItem(
        @Schema(example = "USD") String currency,

        @Schema(example = "34549.64", description = "the sum in currency, rounded once (see rounding)")
        String amount,

        @Schema(description = "the time the rates were chosen at", example = "2026-12-01T09:00:00Z")
        String asOf,

        @Schema(example = ConvertedTotal.ROUNDING) String rounding,

        @Schema(description = "true when a currency had no rate at asOf and was left out")
        boolean partial,

        @Schema(description = "the currencies left out, sorted")
        List<String> missingCurrencies,

        @Schema(description = "the totals left out, in their own currencies")
        List<Amount> leftOut,

        @Schema(description = "true when any rate used is stale")
        boolean staleRates,

        @Schema(description = "one per converted currency") List<RateUsed> rates) {

    /** An amount in its own currency. */
    @Serdeable
    @Schema(name = "CurrencyAmount")
    public record Amount(String currency, String amount) {}

    /** One rate as used: the pair, the rate with its date and source, the total it converted and the exact product. */
    @Serdeable
    @Schema(name = "RateUsed")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RateUsed(
            @Schema(example = "EUR") String from,
            @Schema(example = "USD") String to,
            @Schema(example = "1.0834") String rate,
            @Schema(example = "2026-11-30") String date,
            @Schema(example = "ECB") String source,

            @Schema(description = "older than balance-history.fx.stale-after at asOf")
            boolean stale,

            @Schema(description = "the total converted, in from", example = "20400.00")
            String amount,

            @Schema(description = "amount * rate, exact and unrounded", example = "22101.360000")
            String converted) {}

    public static ConvertedTotalItem of(ConvertedTotal total) {
        return new ConvertedTotalItem(
                total.target().getCurrencyCode(),
                total.total().amount().toPlainString(),
                total.asOf().toString(),
                ConvertedTotal.ROUNDING,
                total.partial(),
                total.missingCurrencies().stream().map(c -> c.getCurrencyCode()).toList(),
                total.leftOut().stream().map(ConvertedTotalItem::amount).toList(),
                total.anyStale(),
                total.rates().stream()
                        .map(applied -> new RateUsed(
                                applied.rate().from().getCurrencyCode(),
                                applied.rate().to().getCurrencyCode(),
                                applied.rate().rate().toPlainString(),
                                applied.rate().date().toString(),
                                applied.rate().source(),
                                applied.stale(),
                                applied.amount().amount().toPlainString(),
                                applied.product().toPlainString()))
                        .toList());
    }

    private static Amount amount(Money money) {
        return new Amount(money.currencyCode(), money.amount().toPlainString());
    }
}
