package com.balancehistory.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.AccountKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SnapshotStore} keeps of poll runs and their sources' results, as far as the application relies
 * on it; run against the in-memory fake and the PostgreSQL store. Each test records sources of its own, since the real
 * database holds other tests' polls.
 */
public abstract class SnapshotStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    protected abstract SnapshotStore store();

    /** What is stored of the poll run {@code pollId}. */
    protected abstract StoredRun storedRun(long pollId);

    /**
     * A stored poll run.
     *
     * @param sources each recorded source's result, by source name
     */
    public record StoredRun(Optional<Instant> finishedAt, boolean interrupted, Map<String, StoredResult> sources) {}

    /** A source's stored result of one poll run. */
    public record StoredResult(SourceOutcome outcome, Optional<String> error, int rowsWritten) {}

    private String source;

    @BeforeEach
    void aSourceOfItsOwn() {
        source = "ss-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void each_opened_run_has_an_id_of_its_own_and_stays_open_until_it_is_finished() {
        long first = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);
        long second = store().openPollRun(PollTrigger.ON_DEMAND, Optional.of(source), T0.plusSeconds(1));

        assertThat(second).isGreaterThan(first);
        assertThat(storedRun(first).finishedAt()).isEmpty();

        store().finishPollRun(first, T0.plusSeconds(5));

        assertThat(storedRun(first)).satisfies(run -> {
            assertThat(run.finishedAt()).contains(T0.plusSeconds(5));
            assertThat(run.interrupted()).isFalse();
        });
        assertThat(storedRun(second).finishedAt()).isEmpty();
    }

    @Test
    void a_source_writes_one_row_per_balance_and_per_card_limit_period_and_keeps_its_outcome() {
        long pollId = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);
        FetchResult.Fetched fetched = new FetchResult.Fetched(
                source,
                List.of(
                        Fixtures.balance(source, "b1", "45250.75", "USD"),
                        Fixtures.balance(source, "b2", "1000", "JPY")),
                List.of(Fixtures.cardLimits(source, "card1", "1500.00", "5000.00", "18000.00", "95000.00")),
                List.of(),
                Set.of(AccountKind.BUDGET),
                List.of());

        assertThat(store().recordSource(record(pollId, SourceOutcome.OK, Optional.empty(), fetched)))
                .isEqualTo(6);

        assertThat(storedRun(pollId).sources())
                .containsExactly(Map.entry(source, new StoredResult(SourceOutcome.OK, Optional.empty(), 6)));
    }

    @Test
    void replaying_a_record_writes_nothing_twice() {
        long pollId = store().openPollRun(PollTrigger.ON_DEMAND, Optional.empty(), T0);
        SourcePollRecord record = record(
                pollId,
                SourceOutcome.OK,
                Optional.empty(),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "10.00", "EUR")));

        assertThat(store().recordSource(record)).isEqualTo(1);
        assertThat(store().recordSource(record)).isZero();

        assertThat(storedRun(pollId).sources())
                .containsExactly(Map.entry(source, new StoredResult(SourceOutcome.OK, Optional.empty(), 1)));
    }

    @Test
    void a_failed_source_is_stored_with_its_error_and_writes_no_rows_beside_a_healthy_one() {
        String healthy = source + "-ok";
        long pollId = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);

        int failedRows = store().recordSource(record(
                pollId,
                SourceOutcome.FAILED,
                Optional.of("UNAVAILABLE: HTTP 503 after 3 attempts"),
                Fixtures.failed(source, FailureKind.UNAVAILABLE, "HTTP 503 after 3 attempts")));
        int healthyRows = store().recordSource(new SourcePollRecord(
                pollId,
                healthy,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                T0,
                T0,
                Fixtures.fetched(healthy, Fixtures.balance(healthy, "b1", "100.00", "USD"))));

        assertThat(failedRows).isZero();
        assertThat(healthyRows).isEqualTo(1);
        assertThat(storedRun(pollId).sources())
                .containsOnly(
                        Map.entry(
                                source,
                                new StoredResult(
                                        SourceOutcome.FAILED,
                                        Optional.of("UNAVAILABLE: HTTP 503 after 3 attempts"),
                                        0)),
                        Map.entry(healthy, new StoredResult(SourceOutcome.OK, Optional.empty(), 1)));
    }

    @Test
    void a_balance_the_next_poll_sees_unchanged_is_written_again_for_that_poll() {
        long first = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);
        store().recordSource(record(
                first,
                SourceOutcome.OK,
                Optional.empty(),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "7.00", "USD"))));
        store().finishPollRun(first, T0);
        long next = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0.plusSeconds(300));

        int rows = store().recordSource(new SourcePollRecord(
                next,
                source,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                T0.plusSeconds(300),
                T0.plusSeconds(300),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "7.00", "USD"))));

        assertThat(rows).isEqualTo(1);
    }

    @Test
    void an_account_named_twice_in_one_answer_is_written_once() {
        long pollId = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);

        int rows = store().recordSource(record(
                pollId,
                SourceOutcome.OK,
                Optional.empty(),
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "b1", "1.00", "USD"),
                        Fixtures.balance(source, "b1", "2.00", "USD"))));

        assertThat(rows).isEqualTo(1);
    }

    @Test
    void interrupting_closes_an_open_run_as_interrupted_and_leaves_a_finished_run_as_it_was() {
        long open = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);
        long finished = store().openPollRun(PollTrigger.SCHEDULE, Optional.empty(), T0);
        store().finishPollRun(finished, T0.plusSeconds(2));

        store().interruptPollRun(open, T0.plusSeconds(3));
        store().interruptPollRun(finished, T0.plusSeconds(3));

        assertThat(storedRun(open)).satisfies(run -> {
            assertThat(run.finishedAt()).contains(T0.plusSeconds(3));
            assertThat(run.interrupted()).isTrue();
            assertThat(run.sources()).isEmpty();
        });
        assertThat(storedRun(finished)).satisfies(run -> {
            assertThat(run.finishedAt()).contains(T0.plusSeconds(2));
            assertThat(run.interrupted()).isFalse();
        });
    }

    private SourcePollRecord record(long pollId, SourceOutcome outcome, Optional<String> error, FetchResult result) {
        return new SourcePollRecord(pollId, source, "ahrvo", outcome, error, T0, T0, result);
    }
}
