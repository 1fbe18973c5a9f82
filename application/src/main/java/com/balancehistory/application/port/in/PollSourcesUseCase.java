package com.balancehistory.application.port.in;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import java.util.List;
import java.util.Optional;

/** Polls every enabled source, or one named source, now, and records the run. */
public interface PollSourcesUseCase {

    /**
     * @param source  one source name, or empty for all enabled sources
     * @throws UnknownSourceException when the named source is not configured
     */
    PollRunSummary pollNow(Optional<String> source, PollTrigger trigger);

    /**
     * Opens the run now and polls in the background, so a caller learns the run's id without waiting for providers.
     *
     * @throws UnknownSourceException when the named source is not configured
     */
    StartedPoll start(Optional<String> source, PollTrigger trigger);

    /** The configured source names, in configuration order: the sources a run of all sources polls. */
    List<String> sourceNames();

    /**
     * The provider of a configured source, as its polls record it.
     *
     * @throws UnknownSourceException when the source is not configured
     */
    String providerOf(String source);
}
