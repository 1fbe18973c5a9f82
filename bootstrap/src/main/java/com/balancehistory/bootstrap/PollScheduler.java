package com.balancehistory.bootstrap;

import com.balancehistory.application.port.in.StartDuePollsUseCase;
import com.balancehistory.application.port.out.maintenance.DailyRollup;
import com.balancehistory.application.port.out.maintenance.PartitionMaintenance;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks the poll schedule and keeps the partitions: snapshots (ahead, and the optional retention) and provider
 * bodies (ahead, and their retention).
 */
@Singleton
class PollScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final StartDuePollsUseCase scheduledPolls;
    private final PartitionMaintenance partitions;
    private final DailyRollup rollup;
    private final Clock clock;
    private final int monthsAhead;
    private final int retentionMonths;
    private final Duration rawResponseRetention;
    private final GracefulPolls shutdown;

    PollScheduler(
            StartDuePollsUseCase scheduledPolls,
            PartitionMaintenance partitions,
            DailyRollup rollup,
            Clock clock,
            GracefulPolls shutdown,
            @Value("${balance-history.partitions.months-ahead:3}") int monthsAhead,
            @Value("${balance-history.retention.raw-months:0}") int retentionMonths,
            @Value("${balance-history.retention.raw-responses:90d}") Duration rawResponseRetention) {
        if (rawResponseRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "balance-history.retention.raw-responses must keep at least 1 day, got " + rawResponseRetention);
        }
        this.scheduledPolls = scheduledPolls;
        this.partitions = partitions;
        this.rollup = rollup;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
        this.retentionMonths = retentionMonths;
        this.rawResponseRetention = rawResponseRetention;
        this.shutdown = shutdown;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        maintainPartitions();
    }

    /** Starts the due polls and returns at once: each source's poll logs its outcome line when it is recorded. */
    @Scheduled(fixedDelay = "${balance-history.scheduler.tick:5s}", initialDelay = "1s")
    void tick() {
        if (shutdown.stopping()) {
            return;
        }
        scheduledPolls.startDuePolls();
    }

    /** A stopping instance leaves at once: the others take its sources over without waiting for the grace. */
    @PreDestroy
    void leave() {
        scheduledPolls.leave();
    }

    /** Completed days go into daily_balance soon after midnight UTC (and whenever late data reopens one). */
    @Scheduled(fixedDelay = "${balance-history.rollup.every:10m}", initialDelay = "30s")
    void rollUpDays() {
        try {
            List<java.time.LocalDate> days = rollup.rollUpCompletedDays(clock.instant());
            if (!days.isEmpty()) {
                LOG.info("rolled up daily balances of {}", days);
            }
        } catch (RuntimeException e) {
            LOG.error("daily rollup failed", e);
        }
    }

    @Scheduled(cron = "0 17 3 * * *")
    void maintainPartitions() {
        try {
            partitions.createAhead(clock.instant(), monthsAhead);
            if (retentionMonths > 0) {
                List<String> dropped = partitions.dropOlderThan(clock.instant(), retentionMonths);
                if (!dropped.isEmpty()) {
                    LOG.info("retention ({} months) dropped raw partitions {}", retentionMonths, dropped);
                }
            }
            List<String> bodies = partitions.dropRawResponsesOlderThan(clock.instant(), rawResponseRetention);
            if (!bodies.isEmpty()) {
                LOG.info("raw-response retention ({}) dropped partitions {}", rawResponseRetention, bodies);
            }
        } catch (RuntimeException e) {
            LOG.error("partition maintenance failed", e);
        }
    }
}
