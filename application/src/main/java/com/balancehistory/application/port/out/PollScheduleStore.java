package com.balancehistory.application.port.out;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** Shared schedule of sources across service instances, so that each due poll runs exactly once. */
public interface PollScheduleStore {

    /**
     * Claims the source's poll if it is due by the store's own clock (the database's, not this instance's). The
     * claimant of the source's previous poll may be preferred for a short grace, so that a source stays with one
     * instance while that instance is alive.
     *
     * @param nextDueAfter given the store's current time, when the source is due next
     * @return true when this caller claimed the due poll and must run it
     */
    boolean claimIfDue(String source, String claimant, UnaryOperator<Instant> nextDueAfter);
}
