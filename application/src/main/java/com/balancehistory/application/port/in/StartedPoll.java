package com.balancehistory.application.port.in;

import java.util.concurrent.CompletableFuture;

/**
 * A poll run that was opened and is running in the background.
 *
 * @param id       the run's id, at once
 * @param finished completes with the recorded run (alerts evaluated) when every source is done
 */
public record StartedPoll(long id, CompletableFuture<PollRunSummary> finished) {
}
