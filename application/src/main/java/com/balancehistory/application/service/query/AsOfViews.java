package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.out.query.AsOfBalanceReadModel;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Balances as of a time as the use cases show them: the list, one account and the exports judge them alike. */
final class AsOfViews {

    private AsOfViews() {}

    /**
     * The stale cutoffs at {@code asOf}: each source's observations are judged by the poll interval of its newest poll
     * by then (as recorded with it), the interval configured now where that poll recorded none.
     */
    static StaleCutoffs cutoffsAt(Instant asOf, QuerySettings settings, AsOfBalanceReadModel history) {
        return settings.intervals().withRecorded(history.pollIntervalsAt(asOf)).cutoffsAt(asOf);
    }

    /**
     * A balance as of a time, judged at that time: stale against the cutoffs then, its age then, and its gone time
     * only if it was gone by then (a later disappearance is not known at as-of).
     */
    static BalanceView view(AsOfBalance row, StaleCutoffs cutoffs) {
        LatestBalance observed = row.observed();
        boolean gone = row.gone();
        LatestBalance then = gone
                ? observed
                : new LatestBalance(
                        observed.account(),
                        observed.balances(),
                        observed.observedAt(),
                        observed.providerAsOf(),
                        Optional.empty());
        BalanceView.AsOf asOf = new BalanceView.AsOf(
                row.asOf(),
                row.pollId(),
                Duration.between(observed.observedAt(), row.asOf()),
                gone,
                row.lastPollFailedAt());
        return new BalanceView(
                then, cutoffs.isStale(observed.account().source(), observed.observedAt()), Optional.of(asOf));
    }
}
