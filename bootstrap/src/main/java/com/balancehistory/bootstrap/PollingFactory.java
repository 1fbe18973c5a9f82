package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.JooqPollScheduleStore;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.out.AfterPollListener;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.service.LabelledProvider;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.service.ScheduledPollService;
import com.balancehistory.bootstrap.logging.MdcPollLogContext;
import com.balancehistory.bootstrap.metrics.BalanceGauges;
import com.balancehistory.bootstrap.metrics.MeteredSnapshotStore;
import com.balancehistory.bootstrap.metrics.ServiceMetrics;
import com.balancehistory.domain.account.LabelRules;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The poll use cases, built from the configured sources. */
@Factory
class PollingFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PollingFactory.class);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Every recorded poll (scheduled, or {@code POST /api/v1/polls}) is followed by an alert evaluation, so alerts
     * fire and resolve with the values just written rather than on the next report tick. The evaluation is looked up
     * lazily: it is built from beans that themselves need no poll service, but this keeps the graph free of cycles.
     */
    @Singleton
    PollSourcesService pollSourcesService(
            ConfiguredSources sources,
            JooqSnapshotStore store,
            Clock clock,
            @Named("polls") ExecutorService executor,
            Provider<EvaluateAlertsUseCase> alerts,
            Provider<JooqAlertStateStore> states,
            ServiceMetrics metrics,
            BalanceGauges balances,
            PollRunKeeper keeper,
            LabelRules labelRules) {
        AfterPollListener evaluateAlerts = run -> {
            // only the sources this run polled: the others' accounts are not read (their alerts follow their own
            // polls and the report tick)
            alerts.get()
                    .evaluate(run.sources().stream()
                            .map(PollRunSummary.SourceResult::source)
                            .toList())
                    .forEach(event -> LOG.info(
                            "alert {} {} after poll {}: {}",
                            event.type().code(),
                            event.key(),
                            run.id(),
                            event.message()));
            metrics.activeAlerts(states.get().activeCounts());
        };
        return new PollSourcesService(
                LabelledProvider.all(
                        sources.all().stream()
                                .map(ConfiguredSources.Source::provider)
                                .map(BalanceProvider.class::cast)
                                .toList(),
                        labelRules),
                new MeteredSnapshotStore(keeper.tracking(store), metrics, balances, clock),
                clock,
                executor,
                evaluateAlerts,
                new MdcPollLogContext());
    }

    @Singleton
    PollSourcesUseCase pollSourcesUseCase(PollSourcesService service) {
        return service;
    }

    @Singleton
    ScheduledPollService scheduledPollService(
            PollSourcesService polls,
            ConfiguredSources sources,
            JooqPollScheduleStore schedule,
            @Value("${balance-history.instance-id:local}") String instanceId,
            @Named("polls") ExecutorService executor) {
        Map<String, UnaryOperator<Instant>> nextDue = new LinkedHashMap<>();
        sources.all().forEach(source -> nextDue.put(source.name(), source.schedule()::nextAfter));
        return new ScheduledPollService(
                polls,
                schedule,
                nextDue,
                instanceId + "/" + ProcessHandle.current().pid(),
                executor);
    }
}
