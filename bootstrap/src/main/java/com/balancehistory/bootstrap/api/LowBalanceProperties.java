package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * {@code balance-history.low-balance}: a threshold per currency ({@code "1000.00"}, {@code "20%"}, {@code "5% of
 * total"}, {@code "runway < 7d"}); the per-account rules are {@link LowBalanceAccountProperties}.
 */
@ConfigurationProperties(LowBalanceProperties.PREFIX)
public record LowBalanceProperties(@Nullable Map<String, String> currencies) {

    public static final String PREFIX = "balance-history.low-balance";

    static LowBalanceProperties none() {
        return new LowBalanceProperties(null);
    }
}
