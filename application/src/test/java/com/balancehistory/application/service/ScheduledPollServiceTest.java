package com.balancehistory.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.application.model.poll.MissedSlots;
import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.StartedPoll;
import com.balancehistory.application.port.out.PollScheduleStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What a scheduled poll that meets trouble hands back: a failure is logged, an error of the JVM passed on. */
class ScheduledPollServiceTest {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Test
    void an_error_of_the_virtual_machine_in_a_scheduled_poll_fails_its_future_and_reaches_the_pool_thread()
            throws InterruptedException {
        ScheduledPollService scheduler = scheduler(() -> {
            throw new OutOfMemoryError("Java heap space");
        });

        List<CompletableFuture<Optional<PollRunSummary>>> started = scheduler.startDuePolls();

        assertThat(started).hasSize(1);
        assertThat(started.get(0))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OutOfMemoryError.class);
        joinThreads();
        assertThat(uncaught).singleElement().isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void a_runtime_failure_of_a_scheduled_poll_is_logged_and_the_tick_goes_on() throws Exception {
        ScheduledPollService scheduler = scheduler(() -> {
            throw new IllegalStateException("the database went away");
        });

        Optional<PollRunSummary> result = scheduler.startDuePolls().get(0).get(5, TimeUnit.SECONDS);

        assertThat(result).isEmpty();
        joinThreads();
        assertThat(uncaught).isEmpty();
    }

    private ScheduledPollService scheduler(Runnable poll) {
        PollSourcesUseCase polls = new PollSourcesUseCase() {
            @Override
            public PollRunSummary pollNow(Optional<String> source, PollTrigger trigger) {
                poll.run();
                throw new AssertionError("the poll above throws");
            }

            @Override
            public StartedPoll start(Optional<String> source, PollTrigger trigger) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> sourceNames() {
                return List.of("s");
            }

            @Override
            public String providerOf(String source) {
                return "holyheld";
            }
        };
        PollScheduleStore store = new PollScheduleStore() {
            @Override
            public LiveInstances heartbeat(String instance, Set<String> sources) {
                return new LiveInstances(Map.of(instance, sources));
            }

            @Override
            public void leave(String instance) {}

            @Override
            public boolean claimIfDue(
                    String source,
                    String claimant,
                    boolean owner,
                    UnaryOperator<Instant> nextDueAfter,
                    Optional<MissedSlots> missed) {
                return true;
            }
        };
        return new ScheduledPollService(polls, store, Map.of("s", now -> now.plusSeconds(60)), "i1", task -> {
            Thread thread = new Thread(task, "poll");
            thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            threads.add(thread);
            thread.start();
        });
    }

    private void joinThreads() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
