package com.balancehistory.bootstrap.fx;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * One entry of the list {@code balance-history.fx.rates}, as configured. Every field is text so that a rate is read
 * exactly (write {@code rate: "1.0834"} quoted: unquoted, YAML reads a floating-point number first).
 */
@EachProperty(value = FxRateProperties.PREFIX, list = true)
public record FxRateProperties(
        @Parameter Integer index,
        @Nullable String from,
        @Nullable String to,
        @Nullable String rate,
        @Nullable String date,
        @Nullable String source) {

    public static final String PREFIX = "balance-history.fx.rates";
}
