package com.balancehistory.bootstrap.fx;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code balance-history.fx}: the age after which a rate is stale (the rates are {@link FxRateProperties}). */
@ConfigurationProperties(FxProperties.PREFIX)
public record FxProperties(@Nullable Duration staleAfter) {

    public static final String PREFIX = "balance-history.fx";
}
