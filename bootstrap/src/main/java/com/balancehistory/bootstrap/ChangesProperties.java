package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code balance-history.changes}: a change is significant from {@code significant-percent} of the previous balance
 * (default 10; 0 makes every change significant), or from {@code significant-amounts.<CCY>} in that currency.
 */
@ConfigurationProperties(ChangesProperties.PREFIX)
public record ChangesProperties(
        @Nullable BigDecimal significantPercent, @Nullable Map<String, String> significantAmounts) {

    public static final String PREFIX = "balance-history.changes";
}
