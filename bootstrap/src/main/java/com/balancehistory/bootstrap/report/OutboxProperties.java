package com.balancehistory.bootstrap.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code balance-history.outbox}: how often an instance claims pending deliveries ({@code every}, 2s, read by
 * {@link OutboxWorker}), how long a claim holds ({@code lease}, 5m) and when a failing delivery is given up
 * ({@code give-up-after}, 24h after it was written).
 */
@ConfigurationProperties(OutboxProperties.PREFIX)
public record OutboxProperties(
        @Nullable Duration every,
        @Nullable Duration lease,
        @Nullable Duration giveUpAfter) {

    public static final String PREFIX = "balance-history.outbox";
}
