package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code balance-history.api}: the most raw points a history answer holds (keys, throttle and exports are bound by
 * {@link ApiKeyProperties}, {@link FailedKeyThrottleProperties} and {@link ExportLimitsProperties}).
 */
@ConfigurationProperties(ApiProperties.PREFIX)
public record ApiProperties(@Nullable Integer maxRawPoints) {

    public static final String PREFIX = "balance-history.api";
}
