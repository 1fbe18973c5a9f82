package com.balancehistory.application.port.out;

import com.balancehistory.application.model.poll.PollRunSummary;

/**
 * Told after every poll run has been recorded (scheduled or on demand), e.g. to evaluate the alerts against the values
 * just written. It runs on the polling thread after the run is finished; a failure here never undoes the poll.
 */
@FunctionalInterface
public interface AfterPollListener {

    /** A listener that does nothing. */
    AfterPollListener NONE = run -> {};

    void pollRecorded(PollRunSummary run);
}
