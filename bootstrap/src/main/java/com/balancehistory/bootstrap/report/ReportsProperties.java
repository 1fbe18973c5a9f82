package com.balancehistory.bootstrap.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code balance-history.reports}: whether schedules and alerts are checked at all ({@code enabled}), how often
 * ({@code tick}, read by {@link ReportJobs}) and how overdue a slot may be at start-up before it counts as missed
 * ({@code catch-up-grace}). The schedules themselves are {@link ReportScheduleProperties}.
 */
@ConfigurationProperties(ReportsProperties.PREFIX)
public record ReportsProperties(
        @Nullable Boolean enabled,
        @Nullable Duration tick,
        @Nullable Duration catchUpGrace) {

    public static final String PREFIX = "balance-history.reports";
}
