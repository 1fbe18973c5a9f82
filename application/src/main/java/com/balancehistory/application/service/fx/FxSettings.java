package com.balancehistory.application.service.fx;

import com.balancehistory.domain.money.FxRate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Exchange-rate settings: the rates configured in {@code balance-history.fx.rates} and the age after which a rate
 * is flagged stale ({@code balance-history.fx.stale-after}).
 */
public record FxSettings(List<FxRate> configuredRates, Duration staleAfter) {

    /** Rates are published once per working day; a week covers a weekend and a holiday or two. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(7);

    public FxSettings {
        configuredRates = List.copyOf(configuredRates);
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isZero() || staleAfter.isNegative()) {
            throw new IllegalArgumentException("stale-after must be positive, got " + staleAfter);
        }
    }

    public static FxSettings none() {
        return new FxSettings(List.of(), DEFAULT_STALE_AFTER);
    }
}
