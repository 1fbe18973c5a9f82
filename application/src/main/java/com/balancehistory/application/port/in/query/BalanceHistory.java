package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.TopUpEvent;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.analytics.BalancePoint;
import java.util.List;
import java.util.Objects;

/**
 * An account's history for a query: raw {@code points} (for {@link HistoryBucketing#RAW}) or {@code buckets}, and the
 * failed polls of its source in the range ({@code gaps}), which are never drawn as zero, and the account's top-ups in
 * the range (increases beyond the configured noise), raw or bucketed alike.
 */
public record BalanceHistory(
        Account account,
        HistoryQuery query,
        List<BalancePoint> points,
        List<HistoryBucket> buckets,
        List<FailedPoll> gaps,
        List<TopUpEvent> topUps) {

    public BalanceHistory {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        points = List.copyOf(points);
        buckets = List.copyOf(buckets);
        gaps = List.copyOf(gaps);
        topUps = List.copyOf(topUps);
    }
}
