package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.service.ScheduledPollService;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class TwoInstancesPollingIT {

    private static final Duration AFFINITY_GRACE = Duration.ofMinutes(1);

    private final DSLContext dsl = PersistenceTestSupport.dsl();

    @Test
    void two_instances_on_one_database_poll_each_due_slot_exactly_once() throws Exception {
        String source = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        // a grace shorter than the overdue time below: both instances may claim every slot, so they really race
        TwoInstances two = new TwoInstances(source, Duration.ofMillis(1));

        ExecutorService ticking = Executors.newFixedThreadPool(2);
        int rounds = 20;
        int claimed = 0;
        for (int round = 0; round < rounds; round++) {
            // make the slot due again, then let both instances race for it at the same moment
            makeDue(source, "1 second");
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<PollRunSummary>>> ticks = new ArrayList<>();
            for (ScheduledPollService instance : List.of(two.a, two.b)) {
                Callable<List<PollRunSummary>> tick = () -> {
                    start.await();
                    return ran(instance);
                };
                ticks.add(ticking.submit(tick));
            }
            int runsThisRound = 0;
            for (Future<List<PollRunSummary>> tick : ticks) {
                runsThisRound += tick.get().size();
            }
            assertThat(runsThisRound).as("round %d", round).isLessThanOrEqualTo(1);
            claimed += runsThisRound;
        }
        ticking.shutdown();

        // the first round creates the schedule row (due at once); every round after that is due exactly once
        assertThat(claimed).isBetween(rounds - 1, rounds);
        assertThat(two.providerA.calls() + two.providerB.calls()).isEqualTo(claimed);
        assertThat(dsl.fetchOne("SELECT count(*) FROM poll_run WHERE requested_source = ?", source)
                        .get(0, Integer.class))
                .isEqualTo(claimed);
    }

    @Test
    void a_source_that_is_not_due_is_not_polled() {
        String source = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        FakeBalanceProvider provider = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        ScheduledPollService instance = instance(provider, source, "instance-a", AFFINITY_GRACE);

        assertThat(ran(instance)).hasSize(1);
        assertThat(ran(instance)).isEmpty();
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void the_instance_that_ran_the_previous_poll_gets_the_next_due_slot_first() {
        String source = "sticky-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances two = new TwoInstances(source, AFFINITY_GRACE);
        assertThat(ran(two.a)).hasSize(1);

        for (int round = 0; round < 3; round++) {
            makeDue(source, "5 seconds");
            assertThat(ran(two.b)).as("another instance, within the grace").isEmpty();
            assertThat(ran(two.a)).as("the previous poll's instance").hasSize(1);
        }
        assertThat(two.providerA.calls()).isEqualTo(4);
        assertThat(two.providerB.calls()).isZero();
    }

    @Test
    void another_instance_takes_the_source_over_once_its_slot_is_overdue_by_the_grace() {
        String source = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances two = new TwoInstances(source, AFFINITY_GRACE);
        assertThat(ran(two.a)).hasSize(1);

        makeDue(source, "61 seconds"); // instance A stopped ticking: the slot is overdue by more than the grace
        assertThat(ran(two.b)).hasSize(1);

        makeDue(source, "5 seconds"); // A is back, but the source now stays with B
        assertThat(ran(two.a)).isEmpty();
        assertThat(ran(two.b)).hasSize(1);
        assertThat(two.providerA.calls()).isEqualTo(1);
        assertThat(two.providerB.calls()).isEqualTo(2);
    }

    /** One tick of an instance, waiting for the polls it started. */
    private static List<PollRunSummary> ran(ScheduledPollService instance) {
        return instance.startDuePolls().stream()
                .map(CompletableFuture::join)
                .flatMap(Optional::stream)
                .toList();
    }

    private void makeDue(String source, String overdueBy) {
        dsl.execute("UPDATE source_schedule SET next_due_at = now() - ?::interval WHERE source = ?", overdueBy, source);
    }

    /** Two instances scheduling one source on this database, each with its own provider object as a process has. */
    private final class TwoInstances {
        final FakeBalanceProvider providerA;
        final FakeBalanceProvider providerB;
        final ScheduledPollService a;
        final ScheduledPollService b;

        TwoInstances(String source, Duration affinityGrace) {
            providerA = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
            providerB = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
            a = instance(providerA, source, "instance-a", affinityGrace);
            b = instance(providerB, source, "instance-b", affinityGrace);
        }
    }

    private ScheduledPollService instance(
            FakeBalanceProvider provider, String source, String name, Duration affinityGrace) {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        PollSourcesService polls =
                new PollSourcesService(List.of(provider), store, Clock.systemUTC(), Executors.newCachedThreadPool());
        UnaryOperator<Instant> everyFiveMinutes = now -> now.plus(Duration.ofMinutes(5));
        return new ScheduledPollService(
                polls,
                new JooqPollScheduleStore(dsl, affinityGrace),
                Map.of(source, everyFiveMinutes),
                name,
                Executors.newCachedThreadPool());
    }
}
