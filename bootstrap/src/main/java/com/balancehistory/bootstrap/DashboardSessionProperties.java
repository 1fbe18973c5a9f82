package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code balance-history.dashboard.session}: a browser session ends after {@code idle-timeout} without a request
 * (default 30m) or {@code max-lifetime} after sign-in (default 8h).
 */
@ConfigurationProperties(DashboardSessionProperties.PREFIX)
public record DashboardSessionProperties(
        @Nullable Duration idleTimeout, @Nullable Duration maxLifetime) {

    public static final String PREFIX = "balance-history.dashboard.session";
}
