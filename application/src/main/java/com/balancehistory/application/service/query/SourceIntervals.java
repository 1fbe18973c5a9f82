package com.balancehistory.application.service.query;

import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.source.Staleness;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each source is polled, which decides when its values count as stale ({@link Staleness#DATA}).
 * Sources that are not configured (any more) use {@code otherwise}.
 */
public record SourceIntervals(Map<String, Duration> bySource, Duration otherwise) {

    /** The interval of sources without one: five minutes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    public SourceIntervals {
        bySource = Map.copyOf(bySource);
        Objects.requireNonNull(otherwise, "otherwise");
        bySource.forEach((source, interval) -> requirePositive(source, interval));
        requirePositive("(default)", otherwise);
    }

    public static SourceIntervals everySource(Duration interval) {
        return new SourceIntervals(Map.of(), interval);
    }

    public Duration intervalOf(String source) {
        return bySource.getOrDefault(source, otherwise);
    }

    /**
     * These intervals with {@code recorded} (the intervals of each source's poll at some time) in place of the
     * configured ones: staleness at a past time is judged by the interval of then, today's where none was recorded.
     */
    public SourceIntervals withRecorded(Map<String, Duration> recorded) {
        Map<String, Duration> merged = new LinkedHashMap<>(bySource);
        merged.putAll(recorded);
        return new SourceIntervals(merged, otherwise);
    }

    /** Per source, the instant before which an observation is stale at {@code now}. */
    public StaleCutoffs cutoffsAt(Instant now) {
        Map<String, Instant> cutoffs = new LinkedHashMap<>();
        bySource.forEach((source, interval) -> cutoffs.put(source, Staleness.DATA.cutoff(now, interval)));
        return new StaleCutoffs(cutoffs, Staleness.DATA.cutoff(now, otherwise));
    }

    private static void requirePositive(String source, Duration interval) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the poll interval of " + source + " must be positive: " + interval);
        }
    }
}
