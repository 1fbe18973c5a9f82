package com.balancehistory.application.service.query;

import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.analytics.BalanceTrend;
import com.balancehistory.domain.analytics.TrendAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
}
