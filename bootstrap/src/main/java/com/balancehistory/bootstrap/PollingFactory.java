package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.JooqPollScheduleStore;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.service.ScheduledPollService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

/** The poll use cases, built from the configured sources. */
@Factory
class PollingFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PollSourcesService pollSourcesService(ConfiguredSources sources, JooqSnapshotStore store, Clock clock,
                                          @Named("polls") ExecutorService executor) {
        return new PollSourcesService(sources.all().stream().map(ConfiguredSources.Source::provider)
                .map(BalanceProvider.class::cast).toList(), store, clock, executor);
    }

    @Singleton
    PollSourcesUseCase pollSourcesUseCase(PollSourcesService service) {
        return service;
    }

    @Singleton
    ScheduledPollService scheduledPollService(PollSourcesService polls, ConfiguredSources sources,
                                              JooqPollScheduleStore schedule,
                                              @Value("${balance-history.instance-id:local}") String instanceId,
                                              @Named("polls") ExecutorService executor) {
        Map<String, UnaryOperator<Instant>> nextDue = new LinkedHashMap<>();
        sources.all().forEach(source -> nextDue.put(source.name(), source.schedule()::nextAfter));
        return new ScheduledPollService(polls, schedule, nextDue, instanceId + "/" + ProcessHandle.current().pid(),
                executor);
    }
}
