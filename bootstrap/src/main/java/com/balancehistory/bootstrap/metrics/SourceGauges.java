package com.balancehistory.bootstrap.metrics;

import com.balancehistory.adapters.http.out.common.CircuitBreaker;
import com.balancehistory.adapters.http.out.common.CircuitBreakingProvider;
import com.balancehistory.bootstrap.ConfiguredSources;
import io.micronaut.context.annotation.Context;
import java.util.Arrays;

/**
 * Gauges read from the configured sources when scraped: misconfigured sources, whether each source can poll, and
 * each circuit breaker's state.
 */
@Context
final class SourceGauges {

    SourceGauges(ConfiguredSources sources, ServiceMetrics metrics) {
        metrics.misconfiguredSources(() -> sources.misconfigured().size());
        String[] states = Arrays.stream(CircuitBreaker.State.values())
                .map(CircuitBreaker.State::label)
                .toArray(String[]::new);
        for (ConfiguredSources.Source source : sources.all()) {
            metrics.canPoll(source.name(), () -> source.cannotPoll().isEmpty());
            if (source.provider() instanceof CircuitBreakingProvider breaking) {
                metrics.circuitState(
                        source.name(), () -> breaking.circuitState().label(), states);
            }
        }
    }
}
