package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The health tiers of one currency, {@code balance-history.health-tiers.<currency>}: {@code tiers} (each
 * {@code {minimum, score, label}}, read by {@link ApiSettingsReader#healthScale}), {@code floor-score} and
 * {@code floor-label} for a balance below every tier.
 */
@EachProperty(HealthTierProperties.PREFIX)
public record HealthTierProperties(
        @Parameter String currency,
        @Nullable List<Map<String, Object>> tiers,
        @Nullable Integer floorScore,
        @Nullable String floorLabel) {

    public static final String PREFIX = "balance-history.health-tiers";
}
