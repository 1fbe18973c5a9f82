package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One source, {@code balance-history.sources.<name>}: the provider connection (provider, base URL, credentials, the
 * provider's parameters, HTTP settings) and when it is polled ({@code interval}, or {@code cron} in
 * {@code cron-zone}). Provider parameters stay text, checked by the provider's settings; {@code max-response-bytes}
 * stays text too ({@code 5MiB}, {@code 512KiB}, {@code 5MB}), since users' {@code kB}/{@code MB} are decimal units
 * where Micronaut's {@code @ReadableBytes} reads binary ones. {@code circuit-cool-down} is the older name of
 * {@code circuit-open-for}. {@link SourceBinding} turns it into the adapter's settings and reports what cannot be
 * read, naming the key.
 */
@EachProperty(SourceProperties.PREFIX)
public record SourceProperties(
        @Parameter String name,
        @Nullable String provider,
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @Nullable String accessToken,
        @Nullable String token,
        @Nullable Boolean enabled,
        @Nullable Duration interval,
        @Nullable String cron,
        @Nullable String cronZone,
        @Nullable Map<String, Map<String, String>> cardLimitTotals,
        @Nullable List<String> cardIds,
        @Nullable List<String> grantIds,
        @Nullable String accountId,
        @Nullable String authScheme,
        @Nullable String pageSize,
        @Nullable String cardId,
        @Nullable String fetchBudgets,
        @Nullable String maxPages,
        @Nullable String maxAccounts,
        @Nullable Duration connectTimeout,
        @Nullable Duration readTimeout,
        @Nullable String maxResponseBytes,
        @Nullable Integer maxRetries,
        @Nullable Duration initialBackoff,
        @Nullable Duration maxBackoff,
        @Nullable Duration maxRetryAfter,
        @Nullable Integer circuitFailureThreshold,
        @Nullable Duration circuitOpenFor,
        @Nullable Duration circuitCoolDown,
        @Nullable Integer maxConcurrency,
        @Nullable Double maxRequestsPerSecond) {

    public static final String PREFIX = "balance-history.sources";
}
