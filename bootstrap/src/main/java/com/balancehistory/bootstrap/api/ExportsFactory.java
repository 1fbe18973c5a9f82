package com.balancehistory.bootstrap.api;

import com.balancehistory.adapters.http.in.ExportGate;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

/** The export gate, with limits that leave recording connections readers cannot take. */
@Factory
class ExportsFactory {

    static final String POOL_SIZE = "datasources.default.maximum-pool-size";

    // built at start-up, so that a bound the pool cannot give refuses start instead of the first export
    @Context
    @Bean(preDestroy = "close")
    ExportGate exportGate(ExportLimitsProperties properties, @Value("${" + POOL_SIZE + ":10}") int poolSize) {
        ExportGate.Limits limits = properties.limits();
        if (limits.maxConcurrent() >= poolSize) {
            throw new IllegalArgumentException(ExportGate.Limits.PREFIX + ".max-concurrent (" + limits.maxConcurrent()
                    + ") must be smaller than " + POOL_SIZE + " (" + poolSize
                    + "): exports would take every connection and stop recording");
        }
        return new ExportGate(limits);
    }
}
