package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * One entry of {@code balance-history.api.keys} given as a map by name ({@code keys.operations.sha256}), the form
 * environment variables can express ({@code BALANCE_HISTORY_API_KEYS_OPERATIONS_SHA256}).
 */
@EachProperty(ApiKeyProperties.PREFIX)
public record NamedApiKeyProperties(
        @Parameter String name,
        @Nullable String role,
        @Nullable String sha256,
        @Nullable String key) {

    ApiSettingsReader.ApiKeyEntry entry() {
        return new ApiSettingsReader.ApiKeyEntry(ApiKeyProperties.PREFIX + "." + name, name, role, sha256, key);
    }
}
