package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.JooqPollRunLiveness;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's unfinished poll runs alive in the database (who runs them, a heartbeat), and closes as
 * {@code interrupted} the runs of instances that stopped beating: at start-up, then with every heartbeat, so a run left
 * by a kill -9 shows so in the API and in analytics.poll_runs.
 */
@Singleton
public class PollRunKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(PollRunKeeper.class);

    private final JooqPollRunLiveness liveness;
    private final String instance;
    private final Duration silentFor;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    PollRunKeeper(
            JooqPollRunLiveness liveness,
            @Value("${balance-history.instance-id:local}") String instanceId,
            @Value("${balance-history.polls.interrupted-after:1m}") Duration silentFor) {
        this.liveness = liveness;
        this.instance = instanceId + "/" + ProcessHandle.current().pid();
        this.silentFor = silentFor;
    }

    /** The snapshot store, telling this keeper which runs this instance opens and finishes. */
    SnapshotStore tracking(SnapshotStore store) {
        return new SnapshotStore() {
            @Override
            public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
                long pollId = store.openPollRun(trigger, requestedSource, startedAt);
                running.add(pollId);
                liveness.runBy(pollId, instance);
                return pollId;
            }

            @Override
            public int recordSource(SourcePollRecord record) {
                return store.recordSource(record);
            }

            @Override
            public void finishPollRun(long pollId, Instant finishedAt) {
                store.finishPollRun(pollId, finishedAt);
                running.remove(pollId);
            }

            @Override
            public void interruptPollRun(long pollId, Instant interruptedAt) {
                // no longer kept alive, so the liveness check closes it should this statement fail too
                running.remove(pollId);
                store.interruptPollRun(pollId, interruptedAt);
            }
        };
    }

    @EventListener
    void onStartup(StartupEvent event) {
        closeAbandoned();
    }

    @Scheduled(
            fixedDelay = "${balance-history.polls.heartbeat:10s}",
            initialDelay = "${balance-history.polls.heartbeat:10s}")
    void heartbeat() {
        try {
            liveness.heartbeat(List.copyOf(running));
        } catch (RuntimeException e) {
            LOG.warn("poll run heartbeat failed: {}", e.getMessage());
        }
        closeAbandoned();
    }

    /** Closes the unfinished runs nobody has kept alive for {@code interrupted-after}. */
    public List<Long> closeAbandoned() {
        try {
            List<Long> closed = liveness.closeAbandoned(silentFor);
            if (!closed.isEmpty()) {
                LOG.warn("poll runs {} were left unfinished by a stopped instance: closed as interrupted", closed);
            }
            return closed;
        } catch (RuntimeException e) {
            LOG.warn("could not close abandoned poll runs: {}", e.getMessage());
            return List.of();
        }
    }
}
