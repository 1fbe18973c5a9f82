package com.balancehistory.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The service's meters on Micronaut's registry (exported at {@code GET /prometheus}). */
@Factory
class MetricsFactory {

    /** With {@code micronaut.metrics.enabled: false} Micronaut has no registry: the meters then record nothing. */
    @Singleton
    ServiceMetrics serviceMetrics(Optional<MeterRegistry> registry) {
        return new ServiceMetrics(registry.orElseGet(CompositeMeterRegistry::new));
    }

    @Singleton
    BalanceGauges balanceGauges(
            ServiceMetrics metrics, @Value("${balance-history.metrics.max-account-series:1000}") int maxAccountSeries) {
        return new BalanceGauges(metrics.registry(), maxAccountSeries);
    }
}
