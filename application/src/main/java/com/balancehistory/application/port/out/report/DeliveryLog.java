package com.balancehistory.application.port.out.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records every delivery attempt, successful or not. */
public interface DeliveryLog {

    void record(Attempt attempt);

    List<Attempt> attempts(String subject, long subjectId);

    /** One attempt to deliver a report or alert event to one target. */
    record Attempt(
            String subject,
            long subjectId,
            String channel,
            String target,
            int attempt,
            Instant at,
            boolean succeeded,
            Optional<Integer> httpStatus,
            Optional<String> error) {
        public Attempt {
            httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
            error = error == null ? Optional.empty() : error;
        }
    }
}
