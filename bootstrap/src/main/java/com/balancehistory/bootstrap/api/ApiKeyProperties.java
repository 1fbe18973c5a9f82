package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * One entry of the list {@code balance-history.api.keys}: a {@code name}, a {@code role} (reader by default) and
 * exactly one of {@code sha256} (the key's SHA-256 in hex) or {@code key} (the key in plain text).
 */
@EachProperty(value = ApiKeyProperties.PREFIX, list = true)
public record ApiKeyProperties(
        @Parameter Integer index,
        @Nullable String name,
        @Nullable String role,
        @Nullable String sha256,
        @Nullable String key) {

    public static final String PREFIX = "balance-history.api.keys";

    ApiSettingsReader.ApiKeyEntry entry() {
        return new ApiSettingsReader.ApiKeyEntry(PREFIX + "[" + index + "]", name, role, sha256, key);
    }
}
