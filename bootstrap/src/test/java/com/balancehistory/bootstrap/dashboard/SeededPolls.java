package com.balancehistory.bootstrap.dashboard;

import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.adapters.persistence.TopUpNoise;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Records polls of a source at chosen times straight into the store: answered ones with balances, or failed ones; each
 * returns its poll id.
 */
public final class SeededPolls {

    private final JooqSnapshotStore store;

    public SeededPolls(DSLContext dsl) {
        this(dsl, Map.of());
    }

    /** Polls recorded with these sources' poll intervals, as the service records its configured ones. */
    public SeededPolls(DSLContext dsl, Map<String, Duration> pollIntervals) {
        this.store = new JooqSnapshotStore(
                dsl, ChangeDetector.defaults(), card -> Map.of(), TopUpNoise.none(), pollIntervals);
    }

    public long answered(String source, Instant at, Account account, String available) {
        return answered(
                source,
                at,
                List.of(BalanceObservation.of(
                        account, Balances.available(Money.parse(available, account.currency())))));
    }

    public long answered(String source, Instant at, List<BalanceObservation> balances) {
        return record(
                source,
                at,
                new FetchResult.Fetched(source, balances, List.of(), List.of(), Set.of(), List.of()),
                SourceOutcome.OK);
    }

    /** A poll that listed every account of {@code kind}: those of that kind it lacks are gone from then on. */
    public long listed(String source, Instant at, List<BalanceObservation> balances, AccountKind kind) {
        return record(
                source,
                at,
                new FetchResult.Fetched(source, balances, List.of(), List.of(), Set.of(kind), List.of()),
                SourceOutcome.OK);
    }

    public long failed(String source, Instant at) {
        return record(
                source,
                at,
                new FetchResult.Failed(
                        source, FetchFailure.ofSource("GET /budgets", FailureKind.UNAVAILABLE, "HTTP 503")),
                SourceOutcome.FAILED);
    }

    private long record(String source, Instant at, FetchResult result, SourceOutcome outcome) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        store.recordSource(new SourcePollRecord(pollId, source, "ahrvo", outcome, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
        return pollId;
    }
}
