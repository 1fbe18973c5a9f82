package com.balancehistory.application.service.query;

import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.TrendSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What the read side needs from configuration.
 *
 * @param maxRawPoints         most snapshots one raw history answer may hold
 * @param maxBuckets           most buckets one bucketed history answer may hold
 * @param maxTrendWindow       longest trend window
 */
public record QuerySettings(
        HealthScale healthScale,
        LowBalancePolicy lowBalance,
        TrendSettings trend,
        SourceIntervals intervals,
        int maxRawPoints,
        int maxBuckets,
        Duration maxTrendWindow) {

    public QuerySettings {
        Objects.requireNonNull(healthScale, "healthScale");
        Objects.requireNonNull(lowBalance, "lowBalance");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(maxTrendWindow, "maxTrendWindow");
        if (maxRawPoints < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("maxRawPoints and maxBuckets must be positive");
        }
    }

    /** The domain's defaults: USD health tiers, no low-balance rules, 5-minute intervals, 10,000 raw points. */
    public static QuerySettings defaults() {
        return new QuerySettings(
                HealthScale.defaults(),
                LowBalancePolicy.none(),
                TrendSettings.defaults(),
                SourceIntervals.everySource(SourceIntervals.DEFAULT_INTERVAL),
                10_000,
                5_000,
                Duration.ofDays(400));
    }

    public QuerySettings withIntervals(SourceIntervals other) {
        return new QuerySettings(healthScale, lowBalance, trend, other, maxRawPoints, maxBuckets, maxTrendWindow);
    }

    public QuerySettings withLowBalance(LowBalancePolicy other) {
        return new QuerySettings(healthScale, other, trend, intervals, maxRawPoints, maxBuckets, maxTrendWindow);
    }

    public QuerySettings withHealthScale(HealthScale other) {
        return new QuerySettings(other, lowBalance, trend, intervals, maxRawPoints, maxBuckets, maxTrendWindow);
    }

    public QuerySettings withMaxRawPoints(int max) {
        return new QuerySettings(healthScale, lowBalance, trend, intervals, max, maxBuckets, maxTrendWindow);
    }
}
