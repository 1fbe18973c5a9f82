package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.source.SourceStatus;
import java.time.Instant;
import java.util.Optional;

/** What the shared database knows of one source's polling, whichever instance polled it. */
public interface SourceActivityReadModel {

    SourceActivity activity(String source);

    /**
     * @param consecutiveFailures recorded polls that did not succeed since the last one that did
     * @param accountsSeen        the source's accounts that are not gone
     */
    record SourceActivity(
            Optional<Instant> nextDueAt,
            Optional<SourceStatus.LastPoll> lastPoll,
            Optional<Instant> lastSuccessAt,
            int consecutiveFailures,
            int accountsSeen) {}
}
