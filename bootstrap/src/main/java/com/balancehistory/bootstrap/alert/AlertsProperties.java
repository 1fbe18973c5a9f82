package com.balancehistory.bootstrap.alert;

import com.balancehistory.bootstrap.report.DeliverProperties;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * {@code balance-history.alerts}: what the alert lifecycle adds to the low-balance rules. {@code stale-intervals},
 * {@code significant-change-window} and {@code top-up-settled-window} also take {@code off}; {@code low-limit} is a
 * percent of the total per limit period ({@code default}, {@code daily}, ...); {@code deliver} is read as the
 * reports' delivery targets are ({@link DeliverProperties}).
 */
@ConfigurationProperties(AlertsProperties.PREFIX)
public record AlertsProperties(
        @Nullable BigDecimal hysteresis,
        @Nullable Duration cooldown,
        @Nullable BigDecimal staleIntervals,
        @Nullable Duration significantChangeWindow,
        @Nullable Duration topUpSettledWindow,
        @Nullable Map<String, String> lowLimit,
        @Nullable Deliver deliver) {

    public static final String PREFIX = "balance-history.alerts";

    /** {@code deliver}: where notifications go (default: the log). */
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
