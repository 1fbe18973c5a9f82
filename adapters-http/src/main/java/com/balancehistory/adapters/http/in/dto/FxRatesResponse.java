package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.application.port.in.fx.ManageFxRatesUseCase.RateInForce;
import com.balancehistory.domain.money.FxRate;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Exchange rates: those in force at a time, or every stored version with {@code history=true}. */
@Serdeable
@Schema(name = "FxRates")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FxRatesResponse(
        @Schema(description = "the time the rates are in force at (without history)") @Nullable
        String asOf,

        @Schema(description = "rates older than this (ISO duration) at asOf are flagged stale", example = "P7D")
        String staleAfter,

        @Schema(description = "per pair, the newest rate dated at or before asOf (without history)") @Nullable
        List<RateItem> rates,

        @Schema(description = "with history=true: the configured rates") @Nullable
        List<Rate> configured,

        @Schema(description = "with history=true: every stored version, oldest first") @Nullable
        List<Version> versions) {

    /** One rate: 1 {@code from} buys {@code rate} {@code to}, published by {@code source} for {@code date}. */
    @Serdeable
    @Schema(name = "FxRate")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rate(
            @Schema(example = "EUR") String from,
            @Schema(example = "USD") String to,

            @Schema(example = "1.0834", description = "exact decimal text")
            String rate,

            @Schema(example = "2026-11-30") String date,
            @Schema(example = "ECB") String source) {

        public static Rate of(FxRate rate) {
            return new Rate(
                    rate.from().getCurrencyCode(),
                    rate.to().getCurrencyCode(),
                    rate.rate().toPlainString(),
                    rate.date().toString(),
                    rate.source());
        }
    }

    /** A rate in force: where it comes from and whether it is stale. */
    @Serdeable
    @Schema(name = "FxRateInForce")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateItem(
            String from,
            String to,
            String rate,
            String date,
            String source,

            @Schema(description = "configured (balance-history.fx.rates) or stored (PUT /api/v1/fx-rates)")
            String origin,

            @Schema(description = "the stored version, when stored") @Nullable
            Long version,

            @Schema(description = "older than staleAfter at asOf, counted from 00:00 UTC of its date")
            boolean stale) {}

    /** One stored version: what one PUT stored. */
    @Serdeable
    @Schema(name = "FxRateVersion")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Version(
            long version,
            String storedAt,

            @Schema(description = "the name of the API key that stored it")
            String storedBy,

            List<Rate> rates) {

        public static Version of(FxRateVersion version) {
            return new Version(
                    version.version(),
                    version.storedAt().toString(),
                    version.storedBy(),
                    version.rates().stream().map(Rate::of).toList());
        }
    }

    public static FxRatesResponse inForce(Instant asOf, Duration staleAfter, List<RateInForce> rates) {
        return new FxRatesResponse(
                asOf.toString(),
                staleAfter.toString(),
                rates.stream()
                        .map(r -> new RateItem(
                                r.rate().from().getCurrencyCode(),
                                r.rate().to().getCurrencyCode(),
                                r.rate().rate().toPlainString(),
                                r.rate().date().toString(),
                                r.rate().source(),
                                r.version().isPresent() ? "stored" : "configured",
                                r.version().orElse(null),
                                r.stale()))
                        .toList(),
                null,
                null);
    }

    public static FxRatesResponse history(Duration staleAfter, List<FxRate> configured, List<FxRateVersion> versions) {
        return new FxRatesResponse(
                null,
                staleAfter.toString(),
                null,
                configured.stream().map(Rate::of).toList(),
                versions.stream().map(Version::of).toList());
    }
}
