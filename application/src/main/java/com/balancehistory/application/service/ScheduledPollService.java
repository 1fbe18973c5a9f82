package com.balancehistory.application.service;

import com.balancehistory.application.port.in.PollRunSummary;
import com.balancehistory.application.port.in.PollTrigger;
import com.balancehistory.application.port.out.PollScheduleStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * @param nextDueBySource per source, when it is due next given the current time (an interval or a cron rule)
     * @param instanceId      names this instance in the schedule table, for operators
     */
    public ScheduledPollService(PollSourcesService polls, PollScheduleStore schedule,
                                Map<String, UnaryOperator<Instant>> nextDueBySource, String instanceId) {
        this.polls = polls;
        this.schedule = schedule;
        this.nextDueBySource = Map.copyOf(nextDueBySource);
        this.instanceId = instanceId;
    }

    /** Polls every source that is due and that this instance claimed; returns the runs it made. */
    public List<PollRunSummary> runDuePolls() {
        List<PollRunSummary> runs = new ArrayList<>();
        for (String source : polls.sourceNames()) {
            UnaryOperator<Instant> nextDue = nextDueBySource.get(source);
            if (nextDue == null) {
                continue;
            }
            try {
                if (schedule.claimIfDue(source, instanceId, nextDue)) {
                    runs.add(polls.pollNow(Optional.of(source), PollTrigger.SCHEDULE));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "scheduled poll of source " + source + " failed", e);
            }
        }
        return runs;
    }
}
