package com.balancehistory.adapters.persistence.query;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/** This test run's database, and polls recorded through the real snapshot store. */
final class QueryTestData {

    static final DSLContext DSL_CONTEXT = dsl();

    private final JooqSnapshotStore store;

    QueryTestData(CardLimitTotals totals) {
        this.store = new JooqSnapshotStore(DSL_CONTEXT, ChangeDetector.defaults(), totals);
    }

    QueryTestData() {
        this(CardLimitTotals.none());
    }

    static String uniqueSource() {
        return "q-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records one poll of one source at {@code at}; returns the poll id. */
    long record(Instant at, FetchResult result) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        SourceOutcome outcome = result instanceof FetchResult.Failed ? SourceOutcome.FAILED : SourceOutcome.OK;
        store.recordSource(
                new SourcePollRecord(pollId, result.source(), "ahrvo", outcome, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
        return pollId;
    }

    long recordBalance(Instant at, String source, String externalId, String amount, String currency) {
        return record(at, Fixtures.fetched(source, Fixtures.balance(source, externalId, amount, currency)));
    }

    long recordFailure(Instant at, String source) {
        return record(at, Fixtures.failed(source, FailureKind.UNAVAILABLE, "HTTP 503"));
    }

    static CardLimitTotals dailyTotal(String amount) {
        return card -> Map.of(LimitPeriod.DAILY, Money.parse(amount, card.currency()));
    }

    private static DSLContext dsl() {
        TestDatabase db = TestDatabase.get();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }
}
