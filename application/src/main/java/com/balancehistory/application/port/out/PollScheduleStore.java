package com.balancehistory.application.port.out;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.application.model.poll.MissedSlots;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Shared schedule of sources across service instances, so that each due poll runs exactly once. */
public interface PollScheduleStore {

    /**
     * Records that the instance is alive now (by the store's clock) with these sources configured.
     *
     * @return the instances seen recently, this one included, with their sources
     */
    LiveInstances heartbeat(String instance, Set<String> sources);

    /** Removes the instance from the live ones at once (a graceful stop), so the others take its sources over. */
    void leave(String instance);

    /**
     * Claims the source's poll if it is due by the store's own clock (the database's, not this instance's). The
     * source's owner claims it as soon as it is due; any other instance only once it is overdue by a grace, so that
     * a source stays with its owner while the owner polls, and moves when it stops.
     *
     * @param owner        whether the claimant owns the source among the live instances
     * @param nextDueAfter given the store's current time, when the source is due next
     * @param missed       when present, the claim also records each slot that passed before the one it claims as a
     *                     skipped poll, in the claim's transaction, so that only the claiming instance records them
     * @return true when this caller claimed the due poll and must run it
     */
    boolean claimIfDue(
            String source,
            String claimant,
            boolean owner,
            UnaryOperator<Instant> nextDueAfter,
            Optional<MissedSlots> missed);
}
