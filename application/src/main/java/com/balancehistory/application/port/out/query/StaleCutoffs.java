package com.balancehistory.application.port.out.query;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Per source, the instant before which an observation is stale (now minus twice the source's poll interval), and the
 * cutoff of sources that are not configured (any more).
 */
public record StaleCutoffs(Map<String, Instant> bySource, Instant otherwise) {

    public StaleCutoffs {
        bySource = Map.copyOf(bySource);
        Objects.requireNonNull(otherwise, "otherwise");
    }

    public Instant cutoff(String source) {
        return bySource.getOrDefault(source, otherwise);
    }

    public boolean isStale(String source, Instant observedAt) {
        return observedAt.isBefore(cutoff(source));
    }
}
