package com.balancehistory.application.port.in.fx;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.domain.money.FxRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Exchange rates as an admin sets them and a reader sees them: current rates at a time, and every stored version. */
public interface ManageFxRatesUseCase {

    /**
     * Stores {@code rates} as a new version; earlier versions stay. Refuses (IllegalArgumentException) an empty list
     * and two different rates for one pair and date.
     */
    FxRateVersion store(List<FxRate> rates, String storedBy);

    /** For every pair, the rate in force at {@code asOf}: the newest dated at or before it. */
    List<RateInForce> ratesAt(Instant asOf);

    /** Every stored version, oldest first. */
    List<FxRateVersion> history();

    /** The rates of {@code balance-history.fx.rates}, as configured. */
    List<FxRate> configured();

    /** The age after which a rate is flagged stale. */
    Duration staleAfter();

    /** A rate in force, where it comes from (a stored version, or the configuration when empty) and if it is stale. */
    record RateInForce(FxRate rate, Optional<Long> version, boolean stale) {}
}
