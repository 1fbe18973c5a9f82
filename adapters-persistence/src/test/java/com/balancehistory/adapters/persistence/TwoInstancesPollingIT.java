package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.in.PollRunSummary;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.service.ScheduledPollService;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class TwoInstancesPollingIT {

    private final DSLContext dsl = PersistenceTestSupport.dsl();

    @Test
    void two_instances_on_one_database_poll_each_due_slot_exactly_once() throws Exception {
        String source = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        // one provider object per instance, as two processes would have
        FakeBalanceProvider providerA = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        FakeBalanceProvider providerB = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        ScheduledPollService instanceA = instance(providerA, source, "instance-a");
        ScheduledPollService instanceB = instance(providerB, source, "instance-b");

        ExecutorService ticking = Executors.newFixedThreadPool(2);
        int rounds = 20;
        int claimed = 0;
        for (int round = 0; round < rounds; round++) {
            // make the slot due again, then let both instances race for it at the same moment
            dsl.execute("UPDATE source_schedule SET next_due_at = now() - interval '1 second' WHERE source = ?",
                    source);
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<PollRunSummary>>> ticks = new ArrayList<>();
            for (ScheduledPollService instance : List.of(instanceA, instanceB)) {
                Callable<List<PollRunSummary>> tick = () -> {
                    start.await();
                    return instance.runDuePolls();
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
        assertThat(providerA.calls() + providerB.calls()).isEqualTo(claimed);
        assertThat(dsl.fetchOne("SELECT count(*) FROM poll_run WHERE requested_source = ?", source)
                .get(0, Integer.class)).isEqualTo(claimed);
    }

    @Test
    void a_source_that_is_not_due_is_not_polled() {
        String source = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        FakeBalanceProvider provider = new FakeBalanceProvider(source, ProviderType.HOLYHELD);
        ScheduledPollService instance = instance(provider, source, "instance-a");

        assertThat(instance.runDuePolls()).hasSize(1);
        assertThat(instance.runDuePolls()).isEmpty();
        assertThat(provider.calls()).isEqualTo(1);
    }

    private ScheduledPollService instance(FakeBalanceProvider provider, String source, String name) {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeSignificance.defaults(), CardLimitTotals.none());
        PollSourcesService polls = new PollSourcesService(List.of(provider), store, Clock.systemUTC(),
                Executors.newCachedThreadPool());
        UnaryOperator<Instant> everyFiveMinutes = now -> now.plus(Duration.ofMinutes(5));
        return new ScheduledPollService(polls, new JooqPollScheduleStore(dsl), Map.of(source, everyFiveMinutes), name,
                Executors.newCachedThreadPool());
    }

}
