package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.TopUpEvent;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of balance history: latest balances, snapshots of one account, and failed polls of a source. */
public interface BalanceReadModel {

    /** One page of latest balances matching the selection, with the total count of matches. */
    BalanceRows latestBalances(BalanceSelection selection);

    /** Every account's latest balances (for overviews and alerts), in no particular order. */
    List<LatestBalance> allLatestBalances();

    Optional<LatestBalance> latestBalance(AccountId account);

    /** How many snapshots of the account were observed in {@code [from, to)}. */
    long countSnapshots(AccountId account, Instant from, Instant to);

    /** The account's available balance per snapshot in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<BalancePoint> availableHistory(AccountId account, Instant from, Instant to, int limit);

    /**
     * The samples of each of {@code accounts} in {@code [from, to)} in summary (see {@link TrendSamples}), read for all
     * of them at once; an account without a sample there maps to {@link TrendSamples#NONE}.
     */
    default Map<AccountId, TrendSamples> trendSamples(Collection<AccountId> accounts, Instant from, Instant to) {
        Map<AccountId, TrendSamples> result = new LinkedHashMap<>();
        for (AccountId account : accounts) {
            long count = countSnapshots(account, from, to);
            List<BalancePoint> all = count == 0
                    ? List.of()
                    : availableHistory(account, from, to, (int) Math.min(count, Integer.MAX_VALUE - 1L));
            result.put(account, TrendSamples.summarise(all));
        }
        return result;
    }

    /**
     * Aggregates the account's snapshots into the buckets between consecutive {@code boundaries} (ascending, at least
     * two); buckets without a snapshot are left out.
     */
    List<BucketAggregate> aggregate(AccountId account, List<Instant> boundaries);

    /** Polls of the source in {@code [from, to)} whose outcome was neither ok nor partial, oldest first. */
    List<FailedPoll> failedPolls(String source, Instant from, Instant to);

    /** The account's top-ups (increases beyond the noise, as recorded) observed in {@code [from, to)}, oldest first. */
    List<TopUpEvent> topUps(AccountId account, Instant from, Instant to);
}
