package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code balance-history.top-ups}: an increase is a top-up when it is more than {@code noise-amount.<CCY>} in that
 * currency and more than {@code noise-percent} % of the previous balance; with neither, every increase is.
 */
@ConfigurationProperties(TopUpsProperties.PREFIX)
public record TopUpsProperties(
        @Nullable Map<String, String> noiseAmount, @Nullable BigDecimal noisePercent) {

    public static final String PREFIX = "balance-history.top-ups";
}
