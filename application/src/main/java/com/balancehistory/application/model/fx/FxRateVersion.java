package com.balancehistory.application.model.fx;

import com.balancehistory.domain.money.FxRate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One stored set of exchange rates: what one admin PUT, when, under which version number. Never changed. */
public record FxRateVersion(long version, Instant storedAt, String storedBy, List<FxRate> rates) {

    public FxRateVersion {
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive, got " + version);
        }
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(storedBy, "storedBy");
        rates = List.copyOf(rates);
    }
}
