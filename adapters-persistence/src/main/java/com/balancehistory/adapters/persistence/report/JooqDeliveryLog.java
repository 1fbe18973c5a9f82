package com.balancehistory.adapters.persistence.report;

import static com.balancehistory.db.jooq.Tables.DELIVERY_ATTEMPT;

import com.balancehistory.application.port.out.report.DeliveryLog;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Delivery attempts in the {@code delivery_attempt} table. */
public final class JooqDeliveryLog implements DeliveryLog {

    private static final int MAX_ERROR = 4000;
    private static final int MAX_TARGET = 1000;

    private final DSLContext dsl;

    public JooqDeliveryLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(Attempt attempt) {
        dsl.insertInto(DELIVERY_ATTEMPT)
                .set(DELIVERY_ATTEMPT.SUBJECT, attempt.subject())
                .set(DELIVERY_ATTEMPT.SUBJECT_ID, attempt.subjectId())
                .set(DELIVERY_ATTEMPT.CHANNEL, attempt.channel())
                .set(DELIVERY_ATTEMPT.TARGET, cut(attempt.target(), MAX_TARGET))
                .set(DELIVERY_ATTEMPT.ATTEMPT, attempt.attempt())
                .set(DELIVERY_ATTEMPT.ATTEMPTED_AT, Times.utc(attempt.at()))
                .set(DELIVERY_ATTEMPT.SUCCEEDED, attempt.succeeded())
                .set(DELIVERY_ATTEMPT.HTTP_STATUS, attempt.httpStatus().orElse(null))
                .set(
                        DELIVERY_ATTEMPT.ERROR_TEXT,
                        attempt.error().map(e -> cut(e, MAX_ERROR)).orElse(null))
                .execute();
    }

    @Override
    public List<Attempt> attempts(String subject, long subjectId) {
        return dsl.selectFrom(DELIVERY_ATTEMPT)
                .where(DELIVERY_ATTEMPT.SUBJECT.eq(subject))
                .and(DELIVERY_ATTEMPT.SUBJECT_ID.eq(subjectId))
                .orderBy(DELIVERY_ATTEMPT.ID)
                .fetch(row -> new Attempt(
                        row.getSubject(),
                        row.getSubjectId(),
                        row.getChannel(),
                        row.getTarget(),
                        row.getAttempt(),
                        row.getAttemptedAt().toInstant(),
                        row.getSucceeded(),
                        Optional.ofNullable(row.getHttpStatus()),
                        Optional.ofNullable(row.getErrorText())));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
