package com.balancehistory.application.port.in;

import java.util.Optional;

/** Polls every enabled source, or one named source, now, and records the run. */
public interface PollSourcesUseCase {

    /**
     * @param source  one source name, or empty for all enabled sources
     * @throws UnknownSourceException when the named source is not configured
     */
    PollRunSummary pollNow(Optional<String> source, PollTrigger trigger);
}
