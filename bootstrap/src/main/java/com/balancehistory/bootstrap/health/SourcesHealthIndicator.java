package com.balancehistory.bootstrap.health;

import com.balancehistory.application.model.source.SourceStatus;
import com.balancehistory.application.port.in.source.ListSourcesUseCase;
import com.balancehistory.bootstrap.ConfiguredSources;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Each source as {@code ok}, {@code failing}, {@code stale} or {@code cannot poll: <reason>} in the health details
 * (admin keys only). Always UP: one bad provider must not make an orchestrator kill the instance; the metrics
 * ({@code balance_history_source_can_poll}) and alert rules page for it.
 */
@Singleton
final class SourcesHealthIndicator implements HealthIndicator {

    private final ListSourcesUseCase sources;
    private final ConfiguredSources configured;
    private final BoundedCheck check;

    SourcesHealthIndicator(
            ListSourcesUseCase sources,
            ConfiguredSources configured,
            @Value("${balance-history.health.database-timeout:1500ms}") Duration timeout) {
        this.sources = sources;
        this.configured = configured;
        this.check = new BoundedCheck("sources", timeout, HealthStatus.UP, this::check);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return check.result();
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (SourceStatus source : sources.sources()) {
            Optional<String> cannotPoll =
                    configured.byName(source.name()).flatMap(ConfiguredSources.Source::cannotPoll);
            details.put(
                    source.name(),
                    cannotPoll.isPresent()
                            ? "cannot poll: " + cannotPoll.get()
                            : source.failing()
                                    ? "failing (" + source.consecutiveFailures() + " in a row)"
                                    : source.stale() ? "stale" : "ok");
        }
        sources.misconfigured().keySet().forEach(name -> details.put(name, "misconfigured"));
        return HealthResult.builder("sources", HealthStatus.UP).details(details).build();
    }

    @PreDestroy
    void stop() {
        check.close();
    }
}
