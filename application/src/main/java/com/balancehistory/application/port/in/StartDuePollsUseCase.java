package com.balancehistory.application.port.in;

import com.balancehistory.application.model.poll.PollRunSummary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Starts the scheduled poll of every source that is due now, claimed so that one instance of many runs each. */
public interface StartDuePollsUseCase {

    /**
     * Claims every due source and starts its poll without waiting for it.
     *
     * @return one future per started poll, completed with the run once it is recorded (empty when it broke)
     */
    List<CompletableFuture<Optional<PollRunSummary>>> startDuePolls();

    /** This instance stops scheduling polls (it is stopping): the other instances take its sources over at once. */
    void leave();
}
