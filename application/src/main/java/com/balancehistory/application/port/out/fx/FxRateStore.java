package com.balancehistory.application.port.out.fx;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.domain.money.FxRate;
import java.time.Instant;
import java.util.List;

/** Exchange rates set at run time, append-only: each store is a new version, earlier versions are kept as they were. */
public interface FxRateStore {

    /** Stores {@code rates} as the next version (numbers increase, never reused) and returns it. */
    FxRateVersion store(List<FxRate> rates, Instant storedAt, String storedBy);

    /** Every version, oldest first, each with its rates sorted by pair and date. */
    List<FxRateVersion> versions();
}
