package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * One entry of the list {@code balance-history.low-balance.accounts}: the {@code account}, its {@code threshold} and,
 * for an absolute threshold, its {@code currency}.
 */
@EachProperty(value = LowBalanceAccountProperties.PREFIX, list = true)
public record LowBalanceAccountProperties(
        @Parameter Integer index,
        @Nullable String account,
        @Nullable String threshold,
        @Nullable String currency) {

    public static final String PREFIX = LowBalanceProperties.PREFIX + ".accounts";
}
