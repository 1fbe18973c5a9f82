package com.balancehistory.bootstrap.dashboard;

import com.balancehistory.adapters.persistence.ChangeSignificance;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** Records polls of a source at chosen times straight into the store: answered ones with balances, or failed ones. */
final class SeededPolls {

    private final JooqSnapshotStore store;

    SeededPolls(DSLContext dsl) {
        this.store = new JooqSnapshotStore(dsl, ChangeSignificance.defaults(), card -> Map.of());
    }

    void answered(String source, Instant at, Account account, String available) {
        answered(
                source,
                at,
                List.of(BalanceObservation.of(
                        account, Balances.available(Money.parse(available, account.currency())))));
    }

    void answered(String source, Instant at, List<BalanceObservation> balances) {
        record(
                source,
                at,
                new FetchResult.Fetched(source, balances, List.of(), List.of(), Set.of(), List.of()),
                SourceOutcome.OK);
    }

    void failed(String source, Instant at) {
        record(
                source,
                at,
                new FetchResult.Failed(
                        source, FetchFailure.ofSource("GET /budgets", FailureKind.UNAVAILABLE, "HTTP 503")),
                SourceOutcome.FAILED);
    }

    private void record(String source, Instant at, FetchResult result, SourceOutcome outcome) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        store.recordSource(new SourcePollRecord(pollId, source, "ahrvo", outcome, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }
}
