package com.balancehistory.bootstrap.labels;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * One entry of {@code balance-history.labels.rules}, as configured: exactly one of {@code account}, {@code source},
 * {@code provider-id} or {@code name-pattern}, and the {@code labels} it gives.
 */
@EachProperty(LabelRuleProperties.PREFIX)
public record LabelRuleProperties(
        @Parameter String name,
        @Nullable String account,
        @Nullable String source,
        @Nullable String providerId,
        @Nullable String namePattern,
        @Nullable Map<String, String> labels) {

    public static final String PREFIX = "balance-history.labels.rules";
}
