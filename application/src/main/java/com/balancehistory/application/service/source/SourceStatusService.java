package com.balancehistory.application.service.source;

import com.balancehistory.application.model.source.SourceStatus;
import com.balancehistory.application.port.in.source.ListSourcesUseCase;
import com.balancehistory.application.port.out.query.SourceActivityReadModel;
import com.balancehistory.domain.source.Staleness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sources as configured, with their activity from the database. A source is stale when it has no successful poll
 * within twice its typical interval, the rule the balances use too.
 */
public final class SourceStatusService implements ListSourcesUseCase {

    /**
     * One configured source as the service sees it.
     *
     * @param typicalInterval the usual gap between polls (the interval, or the cron rule's)
     * @param circuitState    the breaker's state on this instance, empty when the provider has none
     * @param retryAt         until when the provider asked not to be called, while that is ahead
     */
    public record ConfiguredSource(
            String name,
            String provider,
            Optional<Duration> interval,
            Optional<String> cron,
            Optional<String> cronZone,
            Duration typicalInterval,
            Supplier<Optional<String>> circuitState,
            Supplier<Optional<Instant>> retryAt) {

        public ConfiguredSource(
                String name,
                String provider,
                Optional<Duration> interval,
                Optional<String> cron,
                Optional<String> cronZone,
                Duration typicalInterval,
                Supplier<Optional<String>> circuitState) {
            this(name, provider, interval, cron, cronZone, typicalInterval, circuitState, Optional::empty);
        }
    }

    private final List<ConfiguredSource> sources;
    private final Map<String, String> misconfigured;
    private final SourceActivityReadModel activity;
    private final Clock clock;

    public SourceStatusService(
            List<ConfiguredSource> sources,
            Map<String, String> misconfigured,
            SourceActivityReadModel activity,
            Clock clock) {
        this.sources = List.copyOf(sources);
        this.misconfigured = Map.copyOf(misconfigured);
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public List<SourceStatus> sources() {
        Instant now = clock.instant();
        return sources.stream().map(source -> status(source, now)).toList();
    }

    @Override
    public Map<String, String> misconfigured() {
        return misconfigured;
    }

    private SourceStatus status(ConfiguredSource source, Instant now) {
        SourceActivityReadModel.SourceActivity seen = activity.activity(source.name());
        Optional<Duration> age = seen.lastSuccessAt().map(at -> Duration.between(at, now));
        boolean stale = seen.lastSuccessAt()
                .map(at -> Staleness.DATA.isStale(at, now, source.typicalInterval()))
                .orElse(true);
        return new SourceStatus(
                source.name(),
                source.provider(),
                source.interval(),
                source.cron(),
                source.cronZone(),
                seen.nextDueAt(),
                seen.lastPoll(),
                seen.lastSuccessAt(),
                age,
                seen.consecutiveFailures(),
                source.circuitState().get(),
                seen.accountsSeen(),
                stale,
                source.retryAt().get());
    }
}
