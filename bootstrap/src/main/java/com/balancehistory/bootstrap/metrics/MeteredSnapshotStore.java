package com.balancehistory.bootstrap.metrics;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The snapshot store, measured: each recorded source poll counts by outcome, times the fetch and the write, and
 * updates the balance gauges. Recording is where a source's poll ends, so every poll passes here exactly once.
 */
public final class MeteredSnapshotStore implements SnapshotStore {

    private final SnapshotStore store;
    private final ServiceMetrics metrics;
    private final BalanceGauges balances;
    private final Clock clock;

    public MeteredSnapshotStore(SnapshotStore store, ServiceMetrics metrics, BalanceGauges balances, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.balances = balances;
        this.clock = clock;
    }

    @Override
    public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        return store.openPollRun(trigger, requestedSource, startedAt);
    }

    @Override
    public int recordSource(SourcePollRecord record) {
        long started = System.nanoTime();
        SourceOutcome outcome = SourceOutcome.FAILED;
        int rows = 0;
        try {
            rows = store.recordSource(record);
            outcome = record.outcome();
            if (record.result() instanceof FetchResult.Fetched fetched) {
                balances.observed(record.source(), fetched.balances());
            }
            return rows;
        } finally {
            Instant finished = clock.instant();
            metrics.sourcePolled(
                    record.source(),
                    outcome,
                    rows,
                    Duration.between(record.startedAt(), finished),
                    Duration.ofNanos(System.nanoTime() - started),
                    finished.toEpochMilli());
        }
    }

    @Override
    public void finishPollRun(long pollId, Instant finishedAt) {
        store.finishPollRun(pollId, finishedAt);
    }

    @Override
    public void interruptPollRun(long pollId, Instant interruptedAt) {
        store.interruptPollRun(pollId, interruptedAt);
    }
}
