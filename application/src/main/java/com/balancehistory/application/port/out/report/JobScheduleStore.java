package com.balancehistory.application.port.out.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A shared schedule of named jobs across service instances, so that each due slot runs exactly once. The caller's
 * clock decides what is due (instances keep their clocks in sync); the store only makes the claim atomic.
 */
public interface JobScheduleStore {

    /**
     * Claims the job's due slot. A job seen for the first time is scheduled for {@code nextDueAfter(now)} and is not
     * due. When the slot is due ({@code next_due_at <= now}) the first caller moves it to {@code nextDueAfter(now)}
     * and gets the slot's time; every other caller gets empty. Several missed slots collapse into one claim.
     */
    Optional<Instant> claimIfDue(String job, String claimant, Instant now, UnaryOperator<Instant> nextDueAfter);

    /** Moves a slot that was due more than {@code grace} before {@code now} to {@code nextDueAfter(now)}, unrun. */
    boolean skipMissed(String job, Instant now, Duration grace, UnaryOperator<Instant> nextDueAfter);

    /** When the job is due next, if it is scheduled. */
    Optional<Instant> nextDue(String job);
}
