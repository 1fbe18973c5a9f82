package com.balancehistory.application.port.in;

import com.balancehistory.application.model.poll.PollRunSummary;
import java.util.concurrent.CompletableFuture;

/**
 * A poll run that was opened and is running in the background.
 *
 * @param opened   the run as opened, with no source recorded yet
 * @param finished completes with the recorded run (alerts evaluated) when every source is done
 */
public record StartedPoll(PollRunSummary opened, CompletableFuture<PollRunSummary> finished) {

    public long id() {
        return opened.id();
    }
}
