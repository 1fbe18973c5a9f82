package com.balancehistory.bootstrap.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code balance-history.delivery}: one round of attempts at a report or alert delivery ({@code max-attempts},
 * default 5, backing off from {@code initial-backoff}, 2s, doubling up to {@code max-backoff}, 1m) and the webhook
 * {@code timeout} (10s).
 */
@ConfigurationProperties(DeliveryProperties.PREFIX)
public record DeliveryProperties(
        @Nullable Integer maxAttempts,
        @Nullable Duration initialBackoff,
        @Nullable Duration maxBackoff,
        @Nullable Duration timeout) {

    public static final String PREFIX = "balance-history.delivery";
}
