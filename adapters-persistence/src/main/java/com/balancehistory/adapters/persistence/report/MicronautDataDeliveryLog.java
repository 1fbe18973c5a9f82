package com.balancehistory.adapters.persistence.report;

import com.balancehistory.application.port.out.report.DeliveryLog;
import java.util.List;
import java.util.Optional;

/** Delivery attempts in the {@code delivery_attempt} table, through {@link DeliveryAttemptRepository}. */
public final class MicronautDataDeliveryLog implements DeliveryLog {

    private static final int MAX_ERROR = 4000;
    private static final int MAX_TARGET = 1000;

    private final DeliveryAttemptRepository attempts;

    public MicronautDataDeliveryLog(DeliveryAttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Override
    public void record(Attempt attempt) {
        attempts.save(new DeliveryAttemptRow(
                null,
                attempt.subject(),
                attempt.subjectId(),
                attempt.channel(),
                cut(attempt.target(), MAX_TARGET),
                attempt.attempt(),
                attempt.at(),
                attempt.succeeded(),
                attempt.httpStatus().orElse(null),
                attempt.error().map(e -> cut(e, MAX_ERROR)).orElse(null)));
    }

    @Override
    public List<Attempt> attempts(String subject, long subjectId) {
        return attempts.findBySubjectAndSubjectIdOrderById(subject, subjectId).stream()
                .map(row -> new Attempt(
                        row.subject(),
                        row.subjectId(),
                        row.channel(),
                        row.target(),
                        row.attempt(),
                        row.attemptedAt(),
                        row.succeeded(),
                        Optional.ofNullable(row.httpStatus()),
                        Optional.ofNullable(row.errorText())))
                .toList();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
