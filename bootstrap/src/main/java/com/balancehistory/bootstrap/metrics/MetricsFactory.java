package com.balancehistory.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The service's meters on Micronaut's registry (exported at {@code GET /prometheus}). */
@Factory
class MetricsFactory {

    @Singleton
    ServiceMetrics serviceMetrics(MeterRegistry registry) {
        return new ServiceMetrics(registry);
    }

    @Singleton
    BalanceGauges balanceGauges(MeterRegistry registry,
                                @Value("${balance-history.metrics.max-account-series:1000}") int maxAccountSeries) {
        return new BalanceGauges(registry, maxAccountSeries);
    }
}
