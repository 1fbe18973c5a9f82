package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.service.alert.EvaluateAlertsService;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.application.testing.MovingClock;
import com.balancehistory.application.testing.TestAlertRules;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * A source whose poll is in progress is not judged stale, however old its last success: after a restart, or on a
 * provider slower than the stale limit, the data is old only because the answer is still coming. Once the run is
 * closed (recorded, or interrupted by a dead instance) the source is judged again.
 */
class StaleAlertWhilePollingIT {

    // long before any other test's poll runs, so that none of their open runs counts here
    private static final Instant T0 = Instant.parse("2019-04-01T00:00:00Z");

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqSnapshotStore store =
            new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
    private final MovingClock clock = new MovingClock(T0);
    private final String source = "slow-" + UUID.randomUUID().toString().substring(0, 8);
    private final EvaluateAlertsService alerts = new EvaluateAlertsService(
            new JooqAsOfSnapshots(dsl),
            new JooqAlertStateStore(dsl),
            TestAlertRules.of(LowBalancePolicy.none(), Optional.of(new BigDecimal("3")), List.of()),
            null, // the renderer is used only for notifications, and there are no targets
            DailyBurns.NONE, // burns are asked only for runway low-balance rules, and there are none
            clock);

    private long open(Instant at) {
        return store.openPollRun(PollTrigger.SCHEDULE, Optional.of(source), at);
    }

    private void recordOk(long pollId, Instant startedAt, Instant at) {
        store.recordSource(new SourcePollRecord(
                pollId,
                source,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                startedAt,
                at,
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "100.00", "EUR"))));
        store.finishPollRun(pollId, at);
    }

    private List<AlertEvent> staleEventsAt(Instant at) {
        clock.set(at);
        return alerts.evaluate().stream()
                .filter(e -> e.key().kind() == AlertKind.STALE_DATA
                        && e.key().subject().equals(source))
                .toList();
    }

    private SourcePolls pollsAt(Instant at) {
        return new JooqAsOfSnapshots(dsl)
                .at(at).sources().stream()
                        .filter(s -> s.source().equals(source))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void no_stale_alert_fires_while_the_sources_poll_is_in_progress_and_one_fires_once_the_run_was_interrupted() {
        recordOk(open(T0), T0, T0.plusSeconds(2));

        // the instance was down for 20 minutes; its first poll after the restart is slow
        Instant restartedPoll = T0.plus(Duration.ofMinutes(20));
        long slow = open(restartedPoll);
        assertThat(pollsAt(T0.plus(Duration.ofMinutes(30))).pollingSince()).contains(restartedPoll);
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(30))))
                .as("6 intervals since the last success, but the answer is still coming")
                .isEmpty();

        recordOk(slow, restartedPoll, T0.plus(Duration.ofMinutes(31)));
        assertThat(pollsAt(T0.plus(Duration.ofMinutes(32))).pollingSince()).isEmpty();
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(32)))).isEmpty();

        // a poll whose instance died (kill -9) holds the judgement only until its run is closed as interrupted
        long lost = open(T0.plus(Duration.ofMinutes(35)));
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(60)))).isEmpty();
        dsl.execute(
                "UPDATE poll_run SET finished_at = CAST(? AS TIMESTAMPTZ), interrupted = true WHERE id = ?",
                OffsetDateTime.ofInstant(T0.plus(Duration.ofMinutes(61)), ZoneOffset.UTC),
                lost);
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(62))))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AlertEvent.Type.FIRED));
    }

    @Test
    void an_alert_already_active_stays_active_while_a_poll_is_in_progress_and_resolves_on_its_success() {
        recordOk(open(T0), T0, T0.plusSeconds(2));
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(40))))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AlertEvent.Type.FIRED));

        long slow = open(T0.plus(Duration.ofMinutes(41)));
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(43))))
                .as("neither fired again nor resolved before the poll has an outcome")
                .isEmpty();

        recordOk(slow, T0.plus(Duration.ofMinutes(41)), T0.plus(Duration.ofMinutes(44)));
        assertThat(staleEventsAt(T0.plus(Duration.ofMinutes(45))))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AlertEvent.Type.RESOLVED));
    }
}
