package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import java.time.Duration;
import java.util.Optional;

/** Balances as of a time as the use cases show them: the list, one account and the exports judge them alike. */
final class AsOfViews {

    private AsOfViews() {}

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
