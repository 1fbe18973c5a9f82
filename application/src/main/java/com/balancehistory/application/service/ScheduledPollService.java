package com.balancehistory.application.service;

import com.balancehistory.application.port.in.PollRunSummary;
import com.balancehistory.application.port.in.PollTrigger;
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
 * Runs each source's scheduled poll when it is due. Many instances may tick at once on one database: the schedule
 * store lets exactly one of them claim each due poll.
 */
public final class ScheduledPollService {

    private static final Logger LOG = Logger.getLogger(ScheduledPollService.class.getName());

    private final PollSourcesService polls;
    private final PollScheduleStore schedule;
    private final Map<String, UnaryOperator<Instant>> nextDueBySource;
    private final String instanceId;
    private final Executor executor;

    /**
     * @param nextDueBySource per source, when it is due next given the current time (an interval or a cron rule)
     * @param instanceId      names this instance in the schedule table, for operators
     * @param executor        runs the claimed polls side by side, so a slow source delays no other
     */
    public ScheduledPollService(PollSourcesService polls, PollScheduleStore schedule,
                                Map<String, UnaryOperator<Instant>> nextDueBySource, String instanceId,
                                Executor executor) {
        this.polls = polls;
        this.schedule = schedule;
        this.nextDueBySource = Map.copyOf(nextDueBySource);
        this.instanceId = instanceId;
        this.executor = executor;
    }

    /** Polls every source that is due and that this instance claimed; returns the runs it made. */
    public List<PollRunSummary> runDuePolls() {
        List<CompletableFuture<Optional<PollRunSummary>>> running = new ArrayList<>();
        for (String source : polls.sourceNames()) {
            UnaryOperator<Instant> nextDue = nextDueBySource.get(source);
            if (nextDue != null && claim(source, nextDue)) {
                running.add(CompletableFuture.supplyAsync(() -> pollClaimed(source), executor));
            }
        }
        return running.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    private boolean claim(String source, UnaryOperator<Instant> nextDue) {
        try {
            return schedule.claimIfDue(source, instanceId, nextDue);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not claim the scheduled poll of source " + source, e);
            return false;
        }
    }

    private Optional<PollRunSummary> pollClaimed(String source) {
        try {
            return Optional.of(polls.pollNow(Optional.of(source), PollTrigger.SCHEDULE));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "scheduled poll of source " + source + " failed", e);
            return Optional.empty();
        }
    }
}
