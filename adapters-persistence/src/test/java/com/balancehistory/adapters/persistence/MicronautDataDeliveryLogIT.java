package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.report.DeliveryAttemptRepository;
import com.balancehistory.adapters.persistence.report.MicronautDataDeliveryLog;
import com.balancehistory.application.port.out.report.DeliveryLog.Attempt;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class MicronautDataDeliveryLogIT {

    private final MicronautDataDeliveryLog log =
            new MicronautDataDeliveryLog(Repositories.get(DeliveryAttemptRepository.class));

    @Test
    void every_attempt_is_kept_in_order_with_its_status_and_error_per_subject() {
        long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        Instant first = Instant.parse("2021-05-03T06:00:01Z");
        Attempt failed = new Attempt(
                "report",
                reportId,
                "webhook",
                "https://example.org/hook",
                1,
                first,
                false,
                Optional.of(500),
                Optional.of("HTTP 500"));
        Attempt succeeded = new Attempt(
                "report",
                reportId,
                "webhook",
                "https://example.org/hook",
                2,
                first.plusSeconds(2),
                true,
                Optional.of(200),
                Optional.empty());
        Attempt otherSubject =
                new Attempt("alert", reportId, "log", "log", 1, first, true, Optional.empty(), Optional.empty());

        log.record(failed);
        log.record(succeeded);
        log.record(otherSubject);

        assertThat(log.attempts("report", reportId)).containsExactly(failed, succeeded);
        assertThat(log.attempts("alert", reportId)).containsExactly(otherSubject);
        assertThat(log.attempts("report", reportId - 1)).isEmpty();
    }
}
