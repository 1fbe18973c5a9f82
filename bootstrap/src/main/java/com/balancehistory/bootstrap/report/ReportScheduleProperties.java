package com.balancehistory.bootstrap.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * One report schedule, {@code balance-history.reports.schedules.<name>}: {@code cron} in {@code zone} (default
 * {@code 0 0 6 * * *} UTC), the report {@code type} (default {@code allocation}), {@code catch-up} (default true),
 * the optional {@code group-by} label key and {@code convert-to} currency, and where its reports go
 * ({@code deliver}). {@code enabled: false} leaves it out.
 */
@EachProperty(ReportScheduleProperties.PREFIX)
public record ReportScheduleProperties(
        @Parameter String name,
        @Nullable Boolean enabled,
        @Nullable String cron,
        @Nullable String zone,
        @Nullable String type,
        @Nullable Boolean catchUp,
        @Nullable String groupBy,
        @Nullable String convertTo,
        @Nullable Deliver deliver) {

    public static final String PREFIX = "balance-history.reports.schedules";

    /** The schedule's own key, {@code balance-history.reports.schedules.<name>}. */
    String key() {
        return PREFIX + "." + name;
    }

    /** {@code deliver}: a directory, a signed webhook and/or the log. */
    @ConfigurationProperties("deliver")
    public record Deliver(
            @Nullable String directory,
            @Nullable Boolean log,
            @Nullable Webhook webhook) implements DeliverProperties {

        /** {@code deliver.webhook}. */
        @ConfigurationProperties("webhook")
        public record Webhook(
                @Nullable String url, @Nullable String secret) implements DeliverProperties.Webhook {}
    }
}
