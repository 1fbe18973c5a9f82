package com.balancehistory.application.service;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.application.model.poll.MissedSlots;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts each source's scheduled poll when it is due. Many instances may tick at once on one database: the schedule
 * store lets exactly one of them claim each due poll. Each tick is also this instance's heartbeat; the live instances
 * share the sources out, and an instance claims the sources it owns as soon as they are due (the others only once
 * they are overdue by the store's grace). A tick never waits for the polls it started, so every source
 * keeps its own schedule however long another source takes; a source whose previous poll is still fetching is
 * recorded as skipped for the new slot (see {@link PollSourcesService}).
 *
 * <p>A source whose claim failed (the database was unavailable) has its next successful claim record the slots that
 * passed meanwhile as skipped polls, so the outage shows in the poll runs and as a gap in history.
 */
public final class ScheduledPollService implements StartDuePollsUseCase {

    private static final Logger LOG = Logger.getLogger(ScheduledPollService.class.getName());
    static final String DATABASE_UNAVAILABLE = "database unavailable: the scheduled slot could not be claimed";

    private final PollSourcesUseCase polls;
    private final PollScheduleStore schedule;
    private final Map<String, UnaryOperator<Instant>> nextDueBySource;
    private final String instanceId;
    private final Executor executor;
    private boolean left;
    private final Set<String> claimFailed = ConcurrentHashMap.newKeySet();

    /**
     * @param nextDueBySource per source, when it is due next given the current time (an interval or a cron rule)
     * @param instanceId      names this instance in the schedule tables: its heartbeat, and who claimed a slot
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
        Optional<LiveInstances> live = heartbeat();
        if (live.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<Optional<PollRunSummary>>> started = new ArrayList<>();
        for (String source : polls.sourceNames()) {
            UnaryOperator<Instant> nextDue = nextDueBySource.get(source);
            if (nextDue != null && claim(source, live.get().owns(instanceId, source), nextDue)) {
                CompletableFuture<Optional<PollRunSummary>> done = new CompletableFuture<>();
                executor.execute(() -> pollClaimed(source, done));
                started.add(done);
            }
        }
        return started;
    }

    /**
     * Leaves the live instances: no tick after this one claims anything, and the others take this instance's sources
     * over at their next due slot instead of after the grace.
     */
    @Override
    public synchronized void leave() {
        left = true;
        try {
            schedule.leave(instanceId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not leave the live instances; the others wait the grace for its sources", e);
        }
    }

    /**
     * Empty once this instance left. When the heartbeat cannot be written the tick goes on as owner of nothing: the
     * claims may still succeed, and then only after the grace, as the owner of a source may be another instance.
     */
    private synchronized Optional<LiveInstances> heartbeat() {
        if (left) {
            return Optional.empty();
        }
        try {
            return Optional.of(schedule.heartbeat(instanceId, nextDueBySource.keySet()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not write the scheduler heartbeat of " + instanceId, e);
            return Optional.of(LiveInstances.none());
        }
    }

    /**
     * Any answer from the store ends the source's outage for this instance: if another instance made the claim, it
     * recorded the missed slots it knew of, and a later overdue slot is this instance's only if its claims fail again.
     */
    private boolean claim(String source, boolean owner, UnaryOperator<Instant> nextDue) {
        Optional<MissedSlots> missed = claimFailed.contains(source)
                ? Optional.of(new MissedSlots(polls.providerOf(source), DATABASE_UNAVAILABLE))
                : Optional.empty();
        try {
            boolean claimed = schedule.claimIfDue(source, instanceId, owner, nextDue, missed);
            claimFailed.remove(source);
            return claimed;
        } catch (RuntimeException e) {
            claimFailed.add(source);
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
