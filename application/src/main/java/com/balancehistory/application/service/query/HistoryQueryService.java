package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.AccountTrend;
import com.balancehistory.application.port.in.query.AnalyzeTrendUseCase;
import com.balancehistory.application.port.in.query.BalanceHistory;
import com.balancehistory.application.port.in.query.HistoryBucket;
import com.balancehistory.application.port.in.query.HistoryBucketing;
import com.balancehistory.application.port.in.query.HistoryQuery;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.in.query.QueryHistoryUseCase;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.analytics.BalanceTrend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Balance history of one account, raw or in calendar buckets, and its trend. Bucket boundaries are computed here, in
 * the requested zone, and handed to the read model, so a daylight-saving day is exactly one 23- or 25-hour bucket.
 * Polls of the account's source that recorded nothing are reported as gaps: a bucket with failed polls and no
 * snapshot is a {@link HistoryBucket.Status#GAP}, never a zero.
 */
public final class HistoryQueryService implements QueryHistoryUseCase, AnalyzeTrendUseCase {

    private final BalanceReadModel readModel;
    private final QuerySettings settings;
    private final Clock clock;

    public HistoryQueryService(BalanceReadModel readModel, QuerySettings settings, Clock clock) {
        this.readModel = readModel;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<BalanceHistory> history(HistoryQuery query) {
        Optional<LatestBalance> latest = readModel.latestBalance(query.account());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Account account = latest.get().account();
        if (query.bucketing() == HistoryBucketing.RAW) {
            long count = readModel.countSnapshots(query.account(), query.from(), query.to());
            if (count > settings.maxRawPoints()) {
                throw new InvalidQueryException(
                        "bucket",
                        "range too large for raw points: " + count
                                + " snapshots, at most " + settings.maxRawPoints()
                                + "; use a bucket (hour, day, week, month)"
                                + " or a shorter range");
            }
            List<BalancePoint> points =
                    readModel.availableHistory(query.account(), query.from(), query.to(), settings.maxRawPoints());
            List<FailedPoll> gaps = readModel.failedPolls(account.source(), query.from(), query.to());
            return Optional.of(new BalanceHistory(
                    account,
                    query,
                    points,
                    List.of(),
                    gaps,
                    readModel.topUps(query.account(), query.from(), query.to())));
        }
        List<Instant> boundaries = BucketBoundaries.of(
                        query.bucketing(), query.from(), query.to(), query.zone(), settings.maxBuckets())
                .orElseThrow(() -> new InvalidQueryException(
                        "bucket",
                        "more than "
                                + settings.maxBuckets() + " "
                                + query.bucketing().apiName() + " buckets; use a larger bucket or a "
                                + "shorter range"));
        Instant first = boundaries.get(0);
        Instant last = boundaries.get(boundaries.size() - 1);
        Map<Integer, BucketAggregate> aggregates = new HashMap<>();
        readModel.aggregate(query.account(), boundaries).forEach(a -> aggregates.put(a.index(), a));
        List<FailedPoll> failed = readModel.failedPolls(account.source(), first, last);
        int[] failedPerBucket = new int[boundaries.size() - 1];
        for (FailedPoll poll : failed) {
            int position = Collections.binarySearch(boundaries, poll.at());
            int bucket = position >= 0 ? position : -position - 2;
            if (bucket >= 0 && bucket < failedPerBucket.length) {
                failedPerBucket[bucket]++;
            }
        }
        List<HistoryBucket> buckets = new ArrayList<>(boundaries.size() - 1);
        for (int i = 0; i < boundaries.size() - 1; i++) {
            BucketAggregate aggregate = aggregates.get(i);
            Instant start = boundaries.get(i);
            Instant end = boundaries.get(i + 1);
            if (aggregate != null) {
                buckets.add(new HistoryBucket(
                        start,
                        end,
                        HistoryBucket.Status.DATA,
                        Optional.of(aggregate.open()),
                        Optional.of(aggregate.close()),
                        Optional.of(aggregate.min()),
                        Optional.of(aggregate.max()),
                        aggregate.samples(),
                        failedPerBucket[i]));
            } else {
                HistoryBucket.Status status =
                        failedPerBucket[i] > 0 ? HistoryBucket.Status.GAP : HistoryBucket.Status.EMPTY;
                buckets.add(new HistoryBucket(
                        start,
                        end,
                        status,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        failedPerBucket[i]));
            }
        }
        return Optional.of(new BalanceHistory(
                account, query, List.of(), buckets, failed, readModel.topUps(query.account(), first, last)));
    }

    @Override
    public Optional<AccountTrend> trend(AccountId accountId, Duration window) {
        TrendWindow.requireValid("window", window, settings);
        Optional<LatestBalance> latest = readModel.latestBalance(accountId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BalanceTrend trend = TrendWindow.of(readModel, settings, accountId, window, now);
        return Optional.of(new AccountTrend(latest.get().account(), window, now, trend));
    }
}
