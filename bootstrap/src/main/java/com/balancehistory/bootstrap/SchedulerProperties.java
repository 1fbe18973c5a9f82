package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code balance-history.scheduler}: how often an instance looks for due sources ({@code tick}, default 5s) and how
 * long a source stays with the instance that polled it last ({@code affinity-grace}, default 15s).
 */
@ConfigurationProperties(SchedulerProperties.PREFIX)
public record SchedulerProperties(
        @Nullable Duration tick, @Nullable Duration affinityGrace) {

    public static final String PREFIX = "balance-history.scheduler";
}
