package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.common.CircuitBreakingProvider;
import com.balancehistory.adapters.persistence.query.JooqSourceActivityReadModel;
import com.balancehistory.application.service.source.SourceStatusService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@code GET /api/v1/sources} and the sources' health details: the configured sources with their activity. */
@Factory
class SourcesFactory {

    @Singleton
    SourceStatusService sourceStatusService(ConfiguredSources sources, DSLContext dsl, Clock clock) {
        return new SourceStatusService(
                sources.all().stream().map(SourcesFactory::configured).toList(),
                sources.misconfigured(),
                new JooqSourceActivityReadModel(dsl),
                clock);
    }

    private static SourceStatusService.ConfiguredSource configured(ConfiguredSources.Source source) {
        PollSchedule schedule = source.schedule();
        Optional<PollSchedule.Cron> cron = schedule instanceof PollSchedule.Cron c ? Optional.of(c) : Optional.empty();
        return new SourceStatusService.ConfiguredSource(
                source.name(),
                source.provider().providerType().configName(),
                cron.isPresent() ? Optional.empty() : Optional.of(schedule.typicalInterval()),
                cron.map(PollSchedule.Cron::expression),
                cron.map(c -> c.zone().getId()),
                schedule.typicalInterval(),
                () -> source.provider() instanceof CircuitBreakingProvider breaking
                        ? Optional.of(breaking.circuitState().label())
                        : Optional.empty(),
                () -> source.provider() instanceof CircuitBreakingProvider breaking
                        ? breaking.retryAt()
                        : Optional.empty());
    }
}
