package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.application.model.poll.MissedSlots;
import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.port.out.PollScheduleStore;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class TwoInstancesPollingIT {

    private static final Duration AFFINITY_GRACE = Duration.ofMinutes(1);
    private static final Duration LIVENESS = Duration.ofMinutes(1);

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
        ScheduledPollService instance = instance(provider, source, source + "/instance-a", AFFINITY_GRACE);

        assertThat(ran(instance)).hasSize(1);
        assertThat(ran(instance)).isEmpty();
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void the_owner_among_the_live_instances_gets_each_due_slot_first() {
        String source = "sticky-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances two = new TwoInstances(source, AFFINITY_GRACE);
        assertThat(ran(two.owner)).as("alone, it owns the source").hasSize(1);
        assertThat(ran(two.other)).as("not due").isEmpty();

        for (int round = 0; round < 3; round++) {
            makeDue(source, "5 seconds");
            assertThat(ran(two.other)).as("another instance, within the grace").isEmpty();
            assertThat(ran(two.owner)).as("the owner").hasSize(1);
        }
        assertThat(two.ownerProvider.calls()).isEqualTo(4);
        assertThat(two.otherProvider.calls()).isZero();
    }

    @Test
    void another_instance_takes_the_source_over_once_its_slot_is_overdue_by_the_grace_and_the_owner_gets_it_back() {
        String source = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances two = new TwoInstances(source, AFFINITY_GRACE);
        assertThat(ran(two.owner)).hasSize(1);
        assertThat(ran(two.other)).isEmpty();

        makeDue(source, "61 seconds"); // the owner stopped ticking: the slot is overdue by more than the grace
        assertThat(ran(two.other)).hasSize(1);

        makeDue(source, "5 seconds"); // the owner is back and claims the source's slots at once again
        assertThat(ran(two.other)).isEmpty();
        assertThat(ran(two.owner)).hasSize(1);
        assertThat(two.ownerProvider.calls()).isEqualTo(2);
        assertThat(two.otherProvider.calls()).isEqualTo(1);
    }

    @Test
    void an_owner_that_left_or_stopped_beating_is_not_waited_for() {
        String left = "left-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances leaving = new TwoInstances(left, AFFINITY_GRACE);
        assertThat(ran(leaving.owner)).hasSize(1);
        assertThat(ran(leaving.other)).isEmpty();
        leaving.owner.leave();
        makeDue(left, "1 second");
        assertThat(ran(leaving.owner)).as("it left: it claims nothing").isEmpty();
        assertThat(ran(leaving.other))
                .as("the only live instance, within the grace")
                .hasSize(1);

        String killed = "killed-" + UUID.randomUUID().toString().substring(0, 8);
        TwoInstances silent = new TwoInstances(killed, AFFINITY_GRACE);
        assertThat(ran(silent.owner)).hasSize(1);
        assertThat(ran(silent.other)).isEmpty();
        dsl.execute(
                "UPDATE scheduler_instance SET last_seen_at = now() - ?::interval WHERE instance = ?",
                "2 minutes",
                silent.ownerName); // a killed instance: its row stays, its heartbeat stops
        makeDue(killed, "1 second");
        assertThat(ran(silent.other))
                .as("the owner was not seen within the liveness window")
                .hasSize(1);
    }

    @Test
    void an_instance_whose_heartbeat_cannot_be_written_owns_nothing_and_claims_only_once_overdue_by_the_grace() {
        String source = "unbeating-" + UUID.randomUUID().toString().substring(0, 8);
        FakeBalanceProvider provider = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        PollScheduleStore store = new JooqPollScheduleStore(dsl, AFFINITY_GRACE, LIVENESS);
        PollScheduleStore heartbeatFails = new PollScheduleStore() {
            @Override
            public LiveInstances heartbeat(String instance, Set<String> sources) {
                throw new DataAccessException("scheduler_instance is locked by a migration");
            }

            @Override
            public void leave(String instance) {
                store.leave(instance);
            }

            @Override
            public boolean claimIfDue(
                    String claimedSource,
                    String claimant,
                    boolean owner,
                    UnaryOperator<Instant> nextDueAfter,
                    Optional<MissedSlots> missed) {
                return store.claimIfDue(claimedSource, claimant, owner, nextDueAfter, missed);
            }
        };
        ScheduledPollService instance = instance(provider, source, source + "/instance-a", heartbeatFails);

        assertThat(ran(instance))
                .as("due now, but without a heartbeat it may not be the owner: it waits the grace")
                .isEmpty();
        makeDue(source, "5 seconds");
        assertThat(ran(instance)).as("due, within the grace").isEmpty();
        makeDue(source, "61 seconds");
        assertThat(ran(instance))
                .as("overdue by more than the grace: whoever owns it is not polling it")
                .hasSize(1);
        assertThat(provider.calls()).isEqualTo(1);
        assertThat(dsl.fetchOne("SELECT count(*) FROM scheduler_instance WHERE instance = ?", source + "/instance-a")
                        .get(0, Integer.class))
                .as("no heartbeat row was written")
                .isZero();
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

    /**
     * Two instances scheduling one source on this database, each with its own provider object as a process has, and
     * names of their own so that no other test's instances share out the source.
     */
    private final class TwoInstances {
        final FakeBalanceProvider providerA;
        final FakeBalanceProvider providerB;
        final ScheduledPollService a;
        final ScheduledPollService b;
        /** The instance the source belongs to when both are live, and the other one. */
        final String ownerName;

        final ScheduledPollService owner;
        final ScheduledPollService other;
        final FakeBalanceProvider ownerProvider;
        final FakeBalanceProvider otherProvider;

        TwoInstances(String source, Duration affinityGrace) {
            String nameA = source + "/instance-a";
            String nameB = source + "/instance-b";
            providerA = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
            providerB = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
            a = instance(providerA, source, nameA, affinityGrace);
            b = instance(providerB, source, nameB, affinityGrace);
            ownerName = new LiveInstances(Map.of(nameA, Set.of(source), nameB, Set.of(source)))
                    .ownerOf(source)
                    .orElseThrow();
            boolean aOwns = ownerName.equals(nameA);
            owner = aOwns ? a : b;
            other = aOwns ? b : a;
            ownerProvider = aOwns ? providerA : providerB;
            otherProvider = aOwns ? providerB : providerA;
        }
    }

    private ScheduledPollService instance(
            FakeBalanceProvider provider, String source, String name, Duration affinityGrace) {
        return instance(provider, source, name, new JooqPollScheduleStore(dsl, affinityGrace, LIVENESS));
    }

    private ScheduledPollService instance(
            FakeBalanceProvider provider, String source, String name, PollScheduleStore schedule) {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        PollSourcesService polls =
                new PollSourcesService(List.of(provider), store, Clock.systemUTC(), Executors.newCachedThreadPool());
        UnaryOperator<Instant> everyFiveMinutes = now -> now.plus(Duration.ofMinutes(5));
        return new ScheduledPollService(
                polls, schedule, Map.of(source, everyFiveMinutes), name, Executors.newCachedThreadPool());
    }
}
