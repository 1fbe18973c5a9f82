package com.balancehistory.adapters.http.out.grantex;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.http.out.common.Secret;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** One Grantex source: the developer {@code api-key} (Bearer) and the {@code grant-ids} to read. Masks the key. */
public record GrantexSettings(String source, URI baseUri, Secret apiKey, List<String> grantIds, HttpSettings http) {

    public GrantexSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        grantIds = List.copyOf(new LinkedHashSet<>(grantIds));
        Objects.requireNonNull(http, "http");
    }

    public static GrantexSettings from(SourceSettings settings) {
        URI base = settings.baseUri();
        Secret key = Secret.of(settings.requireCredential("api-key"));
        List<String> grants = settings.parameterList("grant-ids");
        if (grants.isEmpty()) {
            throw new SourceConfigurationException(settings.name(), "missing grant-ids");
        }
        for (String grant : grants) {
            if (grant.contains("/") || grant.length() > 200) {
                throw new SourceConfigurationException(settings.name(), "grant-ids: '" + grant + "' is not a grant id");
            }
        }
        return new GrantexSettings(settings.name(), base, key, grants, settings.http());
    }
}
