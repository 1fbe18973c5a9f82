package com.balancehistory.application.service.query;

import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.TrendSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What the read side needs from configuration.
 *
 * @param maxRawPoints         most snapshots one raw history answer may hold
 * @param maxBuckets           most buckets one bucketed history answer may hold
 * @param maxTrendWindow       longest trend window
 * @param lowLimitUtilization  a card limit period counts as low from this utilization (0 to 1, e.g. 0.90) on, and
 *                             always when nothing remains
 */
public record QuerySettings(HealthScale healthScale, LowBalancePolicy lowBalance, TrendSettings trend,
                            SourceIntervals intervals, int maxRawPoints, int maxBuckets, Duration maxTrendWindow,
                            BigDecimal lowLimitUtilization) {

    public QuerySettings {
        Objects.requireNonNull(healthScale, "healthScale");
        Objects.requireNonNull(lowBalance, "lowBalance");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(maxTrendWindow, "maxTrendWindow");
        Objects.requireNonNull(lowLimitUtilization, "lowLimitUtilization");
        if (maxRawPoints < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("maxRawPoints and maxBuckets must be positive");
        }
        if (lowLimitUtilization.signum() <= 0 || lowLimitUtilization.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("lowLimitUtilization is above 0 and at most 1, got "
                    + lowLimitUtilization.toPlainString());
        }
    }

    /** The domain's defaults: USD health tiers, no low-balance rules, 5-minute intervals, 10,000 raw points. */
    public static QuerySettings defaults() {
        return new QuerySettings(HealthScale.defaults(), LowBalancePolicy.none(), TrendSettings.defaults(),
                SourceIntervals.everySource(SourceIntervals.DEFAULT_INTERVAL), 10_000, 5_000, Duration.ofDays(400),
                new BigDecimal("0.90"));
    }

    public QuerySettings withIntervals(SourceIntervals other) {
        return new QuerySettings(healthScale, lowBalance, trend, other, maxRawPoints, maxBuckets, maxTrendWindow,
                lowLimitUtilization);
    }

    public QuerySettings withLowBalance(LowBalancePolicy other) {
        return new QuerySettings(healthScale, other, trend, intervals, maxRawPoints, maxBuckets, maxTrendWindow,
                lowLimitUtilization);
    }

    public QuerySettings withHealthScale(HealthScale other) {
        return new QuerySettings(other, lowBalance, trend, intervals, maxRawPoints, maxBuckets, maxTrendWindow,
                lowLimitUtilization);
    }

    public QuerySettings withMaxRawPoints(int max) {
        return new QuerySettings(healthScale, lowBalance, trend, intervals, max, maxBuckets, maxTrendWindow,
                lowLimitUtilization);
    }
}
