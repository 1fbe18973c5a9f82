package com.balancehistory.application.testing;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.domain.money.FxRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Stored rate versions in memory, numbered from 1. */
public final class InMemoryFxRateStore implements FxRateStore {

    private final List<FxRateVersion> versions = new ArrayList<>();

    @Override
    public synchronized FxRateVersion store(List<FxRate> rates, Instant storedAt, String storedBy) {
        List<FxRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(FxRate::pair).thenComparing(FxRate::date));
        FxRateVersion version = new FxRateVersion(versions.size() + 1L, storedAt, storedBy, sorted);
        versions.add(version);
        return version;
    }

    @Override
    public synchronized List<FxRateVersion> versions() {
        return List.copyOf(versions);
    }
}
