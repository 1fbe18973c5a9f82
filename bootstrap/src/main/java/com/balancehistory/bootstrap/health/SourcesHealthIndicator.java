package com.balancehistory.bootstrap.health;

import com.balancehistory.application.model.source.SourceStatus;
import com.balancehistory.application.port.in.source.ListSourcesUseCase;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Each source as {@code ok}, {@code failing} or {@code stale} in the health details (admin keys only). Always UP:
 * one bad provider must not make an orchestrator kill the instance; the metrics and alert rules page for it.
 */
@Singleton
final class SourcesHealthIndicator implements HealthIndicator {

    private final ListSourcesUseCase sources;
    private final BoundedCheck check;

    SourcesHealthIndicator(
            ListSourcesUseCase sources, @Value("${balance-history.health.database-timeout:1500ms}") Duration timeout) {
        this.sources = sources;
        this.check = new BoundedCheck("sources", timeout, HealthStatus.UP, this::check);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return check.result();
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (SourceStatus source : sources.sources()) {
            details.put(
                    source.name(),
                    source.failing()
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
