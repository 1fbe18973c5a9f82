package com.balancehistory.application.service.query;

import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.TrendSamples;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.analytics.BalanceTrend;
import com.balancehistory.domain.analytics.TrendAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend of one account over a window ending at a given instant, read from the history: the one place the trend,
 * runway, top-up and runway-alert answers get their burn from, so they can never disagree.
 */
public final class TrendWindow {

    private TrendWindow() {}

    /** @throws InvalidQueryException naming {@code parameter} when the window is not positive or longer than allowed */
    public static void requireValid(String parameter, Duration window, QuerySettings settings) {
        if (window.isZero() || window.isNegative()) {
            throw new InvalidQueryException(parameter, parameter + " must be positive, got " + window);
        }
        if (window.compareTo(settings.maxTrendWindow()) > 0) {
            throw new InvalidQueryException(
                    parameter, parameter + " " + window + " is longer than the maximum " + settings.maxTrendWindow());
        }
    }

    /** The trend of {@code account}'s available balance within {@code [now - window, now]}. */
    public static BalanceTrend of(
            BalanceReadModel readModel, QuerySettings settings, AccountId account, Duration window, Instant now) {
        Instant from = now.minus(window);
        long count = readModel.countSnapshots(account, from, now.plusMillis(1));
        int limit = (int) Math.min(count, Integer.MAX_VALUE - 1L);
        List<BalancePoint> points =
                count == 0 ? List.of() : readModel.availableHistory(account, from, now.plusMillis(1), limit);
        return new TrendAnalyzer(settings.trend()).analyze(points, window, now);
    }

    /**
     * The trend of each of {@code accounts} within {@code [now - window, now]}, as {@link #of} gives it, read for all of
     * them at once from each account's samples in summary: the same change, burn and forecast, whose points are the
     * key points rather than every sample.
     */
    public static Map<AccountId, BalanceTrend> ofAll(
            BalanceReadModel readModel,
            QuerySettings settings,
            Collection<AccountId> accounts,
            Duration window,
            Instant now) {
        Instant from = now.minus(window);
        // stored instants have microseconds: before the next microsecond is at or before now
        Instant to = now.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        Map<AccountId, TrendSamples> samples = readModel.trendSamples(accounts, from, to);
        TrendAnalyzer analyzer = new TrendAnalyzer(settings.trend());
        Map<AccountId, BalanceTrend> trends = new LinkedHashMap<>();
        for (AccountId account : accounts) {
            TrendSamples inWindow = samples.getOrDefault(account, TrendSamples.NONE);
            trends.put(account, analyzer.analyzeSummary(inWindow.keyPoints(), inWindow.count(), window, now));
        }
        return trends;
    }
}
