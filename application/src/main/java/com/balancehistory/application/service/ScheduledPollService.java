package com.balancehistory.application.service;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.StartDuePollsUseCase;
import com.balancehistory.application.port.out.PollScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts each source's scheduled poll when it is due. Many instances may tick at once on one database: the schedule
 * store lets exactly one of them claim each due poll. A tick never waits for the polls it started, so every source
 * keeps its own schedule however long another source takes; a source whose previous poll is still fetching is
 * recorded as skipped for the new slot (see {@link PollSourcesService}).
 */
public final class ScheduledPollService implements StartDuePollsUseCase {

    private static final Logger LOG = Logger.getLogger(ScheduledPollService.class.getName());

    private final PollSourcesUseCase polls;
    private final PollScheduleStore schedule;
    private final Map<String, UnaryOperator<Instant>> nextDueBySource;
    private final String instanceId;
    private final Executor executor;

    /**
     * @param nextDueBySource per source, when it is due next given the current time (an interval or a cron rule)
     * @param instanceId      names this instance in the schedule table, for operators
     * @param executor        runs the claimed polls side by side, one task per claimed source
     */
    public ScheduledPollService(
            PollSourcesUseCase polls,
            PollScheduleStore schedule,
            Map<String, UnaryOperator<Instant>> nextDueBySource,
            String instanceId,
            Executor executor) {
        this.polls = polls;
        this.schedule = schedule;
        this.nextDueBySource = Map.copyOf(nextDueBySource);
        this.instanceId = instanceId;
        this.executor = executor;
    }

    @Override
    public List<CompletableFuture<Optional<PollRunSummary>>> startDuePolls() {
        List<CompletableFuture<Optional<PollRunSummary>>> started = new ArrayList<>();
        for (String source : polls.sourceNames()) {
            UnaryOperator<Instant> nextDue = nextDueBySource.get(source);
            if (nextDue != null && claim(source, nextDue)) {
                CompletableFuture<Optional<PollRunSummary>> done = new CompletableFuture<>();
                executor.execute(() -> pollClaimed(source, done));
                started.add(done);
            }
        }
        return started;
    }

    private boolean claim(String source, UnaryOperator<Instant> nextDue) {
        try {
            return schedule.claimIfDue(source, instanceId, nextDue);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not claim the scheduled poll of source " + source, e);
            return false;
        }
    }

    /** An {@link Error} is passed on to the executor's thread after the future hears of it: it is no poll failure. */
    private void pollClaimed(String source, CompletableFuture<Optional<PollRunSummary>> done) {
        try {
            done.complete(Optional.of(polls.pollNow(Optional.of(source), PollTrigger.SCHEDULE)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "scheduled poll of source " + source + " failed", e);
            done.complete(Optional.empty());
        } catch (Error e) {
            done.completeExceptionally(e);
            throw e;
        }
    }
}
