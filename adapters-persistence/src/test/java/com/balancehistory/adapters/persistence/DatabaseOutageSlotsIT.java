package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.service.ScheduledPollService;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Scheduled slots that fall in a database outage: the scheduler's claims fail while PostgreSQL cannot be reached
 * (a data source that refuses connections), and once it is back the slots that passed are in the poll runs as
 * skipped, saying why, recorded once however many instances were waiting.
 */
class DatabaseOutageSlotsIT {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final UnaryOperator<Instant> EVERY_SECOND = at -> at.plus(INTERVAL);

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final SwitchableDataSource database = new SwitchableDataSource(PersistenceTestSupport.dataSource());

    @Test
    void slots_that_fell_in_the_outage_are_recorded_as_skipped_once_the_database_is_back() throws Exception {
        String source = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        FakeBalanceProvider provider = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        ScheduledPollService instance = instance(provider, source, "instance-a");
        assertThat(ran(instance)).hasSize(1);
        Instant firstMissed = nextDueAt(source);

        database.down = true;
        Instant outageEnds = Instant.now().plusMillis(3600);
        while (Instant.now().isBefore(outageEnds)) {
            assertThat(ran(instance)).as("no claim without the database").isEmpty();
            Thread.sleep(200);
        }
        database.down = false;
        List<PollRunSummary> afterOutage = ran(instance);

        assertThat(afterOutage).hasSize(1);
        assertThat(afterOutage.get(0).sources().get(0).outcome()).isEqualTo(SourceOutcome.OK);
        assertThat(provider.calls()).isEqualTo(2);
        List<Record> skipped = dsl.fetch(
                "SELECT poll_id, trigger, provider, error_text, started_at, finished_at FROM analytics.poll_runs"
                        + " WHERE source = ? AND outcome = 'skipped' ORDER BY poll_id",
                source);
        Instant claimedAt = lastClaimedAt(source);
        // every slot followed by another due before the claim that ended the outage; that claim polls the last one
        assertThat(skipped).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < skipped.size(); i++) {
            Record slot = skipped.get(i);
            Instant dueAt = firstMissed.plus(INTERVAL.multipliedBy(i));
            assertThat(instant(slot, "started_at")).isEqualTo(dueAt);
            assertThat(instant(slot, "finished_at")).isEqualTo(dueAt);
            assertThat(slot.get("trigger", String.class)).isEqualTo("schedule");
            assertThat(slot.get("provider", String.class)).isEqualTo("holyheld");
            assertThat(slot.get("error_text", String.class)).startsWith("database unavailable");
            assertThat(dueAt.plus(INTERVAL)).isBeforeOrEqualTo(claimedAt);
        }
        Instant lastMissed = firstMissed.plus(INTERVAL.multipliedBy(skipped.size() - 1));
        assertThat(lastMissed.plus(INTERVAL.multipliedBy(2))).isAfter(claimedAt);
        assertThat(skipped.get(skipped.size() - 1).get("poll_id", Long.class))
                .isLessThan(afterOutage.get(0).id());

        // history counts them as failed polls of the source: a gap, not a time without polls
        List<FailedPoll> gaps =
                new JooqBalanceReadModel(dsl).failedPolls(source, firstMissed, claimedAt.plusSeconds(1));
        assertThat(gaps).hasSize(skipped.size()).allMatch(gap -> gap.outcome() == SourceOutcome.SKIPPED);
    }

    @Test
    void two_instances_waiting_for_the_database_record_the_missed_slots_once() throws Exception {
        String source = "outage-two-" + UUID.randomUUID().toString().substring(0, 8);
        ScheduledPollService a = instance(new FakeBalanceProvider(source, ProviderType.HOLYHELD), source, "a");
        ScheduledPollService b = instance(new FakeBalanceProvider(source, ProviderType.HOLYHELD), source, "b");
        assertThat(ran(a)).hasSize(1);

        database.down = true;
        assertThat(ran(a)).isEmpty();
        assertThat(ran(b)).isEmpty();
        Thread.sleep(3200);
        database.down = false;

        ExecutorService ticking = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<List<PollRunSummary>>> ticks = new ArrayList<>();
        for (ScheduledPollService instance : List.of(a, b)) {
            ticks.add(ticking.submit(() -> {
                together.await();
                return ran(instance);
            }));
        }
        int polled = 0;
        for (Future<List<PollRunSummary>> tick : ticks) {
            polled += tick.get().size();
        }
        ticking.shutdown();

        assertThat(polled).isEqualTo(1);
        List<Record> skipped = dsl.fetch(
                "SELECT started_at FROM analytics.poll_runs WHERE source = ? AND outcome = 'skipped'", source);
        assertThat(skipped).hasSizeGreaterThanOrEqualTo(2);
        assertThat(skipped.stream().map(slot -> instant(slot, "started_at")).distinct())
                .hasSameSizeAs(skipped);
    }

    @Test
    void an_overdue_slot_without_a_failed_claim_records_nothing_missed() {
        String source = "late-" + UUID.randomUUID().toString().substring(0, 8);
        ScheduledPollService instance =
                instance(new FakeBalanceProvider(source, ProviderType.HOLYHELD), source, "instance-a");
        assertThat(ran(instance)).hasSize(1);

        // overdue by several intervals, but this instance saw no outage: it cannot say why (say, it was stopped)
        dsl.execute("UPDATE source_schedule SET next_due_at = now() - interval '5 seconds' WHERE source = ?", source);
        assertThat(ran(instance)).hasSize(1);

        assertThat(dsl.fetchCount(
                        DSL.selectFrom("analytics.poll_runs").where("source = ? AND outcome = 'skipped'", source)))
                .isZero();
    }

    private ScheduledPollService instance(FakeBalanceProvider provider, String source, String name) {
        DSLContext db = DSL.using(database, SQLDialect.POSTGRES);
        JooqSnapshotStore store = new JooqSnapshotStore(db, ChangeDetector.defaults(), CardLimitTotals.none());
        PollSourcesService polls =
                new PollSourcesService(List.of(provider), store, Clock.systemUTC(), Executors.newCachedThreadPool());
        return new ScheduledPollService(
                polls,
                new JooqPollScheduleStore(db, Duration.ofMillis(1), Duration.ofMinutes(1)),
                Map.of(source, EVERY_SECOND),
                name,
                Executors.newCachedThreadPool());
    }

    /** One tick of an instance, waiting for the polls it started. */
    private static List<PollRunSummary> ran(ScheduledPollService instance) {
        return instance.startDuePolls().stream()
                .map(CompletableFuture::join)
                .flatMap(Optional::stream)
                .toList();
    }

    private Instant nextDueAt(String source) {
        return dsl.fetchOne("SELECT next_due_at FROM source_schedule WHERE source = ?", source)
                .get(0, OffsetDateTime.class)
                .toInstant();
    }

    private Instant lastClaimedAt(String source) {
        return dsl.fetchOne("SELECT last_claimed_at FROM source_schedule WHERE source = ?", source)
                .get(0, OffsetDateTime.class)
                .toInstant();
    }

    private static Instant instant(Record row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    /** PostgreSQL as the service sees it when the server is gone: every new connection is refused. */
    private static final class SwitchableDataSource implements DataSource {
        private final DataSource real;
        volatile boolean down;

        SwitchableDataSource(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return real.isWrapperFor(type);
        }
    }
}
