package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;
import static com.balancehistory.db.jooq.Tables.SOURCE_SCHEDULE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.source.SourceStatus;
import com.balancehistory.application.port.out.query.SourceActivityReadModel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** A source's schedule, polls and accounts from PostgreSQL: a handful of indexed lookups per source. */
public final class JooqSourceActivityReadModel implements SourceActivityReadModel {

    private static final List<String> SUCCESS = SourceOutcome.succeededCodes();

    private final DSLContext dsl;

    public JooqSourceActivityReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public SourceActivity activity(String source) {
        Condition ofSource = POLL_SOURCE_RESULT.SOURCE.eq(source);
        var lastSuccess = select(max(POLL_SOURCE_RESULT.FINISHED_AT))
                .from(POLL_SOURCE_RESULT)
                .where(ofSource.and(POLL_SOURCE_RESULT.OUTCOME.in(SUCCESS)));
        Record row = dsl.select(
                        select(SOURCE_SCHEDULE.NEXT_DUE_AT)
                                .from(SOURCE_SCHEDULE)
                                .where(SOURCE_SCHEDULE.SOURCE.eq(source))
                                .asField("next_due_at"),
                        lastSuccess.asField("last_success_at"),
                        selectCount()
                                .from(POLL_SOURCE_RESULT)
                                .where(ofSource.and(POLL_SOURCE_RESULT.OUTCOME.notIn(SUCCESS))
                                        .and(POLL_SOURCE_RESULT.FINISHED_AT.gt(field(lastSuccess)
                                                .coalesce(OffsetDateTime.parse("1970-01-01T00:00:00Z")))))
                                .asField("failures"),
                        selectCount()
                                .from(ACCOUNT)
                                .where(ACCOUNT.SOURCE.eq(source).and(ACCOUNT.GONE_AT.isNull()))
                                .asField("accounts"))
                .fetchOne();
        Optional<SourceStatus.LastPoll> lastPoll = dsl.select(
                        POLL_SOURCE_RESULT.POLL_ID, POLL_SOURCE_RESULT.OUTCOME, POLL_SOURCE_RESULT.FINISHED_AT)
                .from(POLL_SOURCE_RESULT)
                .where(ofSource)
                .orderBy(POLL_SOURCE_RESULT.FINISHED_AT.desc())
                .limit(1)
                .fetchOptional(r -> new SourceStatus.LastPoll(
                        r.value1(), r.value2(), r.value3().toInstant()));
        return new SourceActivity(
                instant(row.get("next_due_at", OffsetDateTime.class)),
                lastPoll,
                instant(row.get("last_success_at", OffsetDateTime.class)),
                row.get("failures", Integer.class),
                row.get("accounts", Integer.class));
    }

    private static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }
}
