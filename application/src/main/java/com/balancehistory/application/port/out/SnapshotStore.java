package com.balancehistory.application.port.out;

import com.balancehistory.application.model.poll.PollTrigger;
import java.time.Instant;
import java.util.Optional;

/** Append-only history of polls: poll runs, and per source its snapshots, accounts, latest values and changes. */
public interface SnapshotStore {

    /** Opens a poll run and returns its id. */
    long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt);

    /**
     * Stores one source's result of one poll atomically: all of its rows are visible, or none. Replaying the same
     * record writes nothing twice.
     *
     * @return the number of snapshot rows (balances and card limits) newly written
     */
    int recordSource(SourcePollRecord record);

    void finishPollRun(long pollId, Instant finishedAt);

    /**
     * Closes a poll run this process will not finish (an error of the virtual machine stopped it) as interrupted, as
     * the liveness check closes a stopped instance's runs: its sources without a result read as interrupted.
     */
    void interruptPollRun(long pollId, Instant interruptedAt);
}
