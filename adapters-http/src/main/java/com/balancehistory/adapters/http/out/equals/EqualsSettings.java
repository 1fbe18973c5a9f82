package com.balancehistory.adapters.http.out.equals;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.http.out.common.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One Equals Money source: {@code api-key}, {@code account-id}, how the key is sent ({@code auth-scheme}: ApiKey
 * by default, Bearer, or none for the bare key as the reference page's curl shows) and the page size
 * ({@code page-size}, 1..1000, default 100 as documented). {@link #toString()} masks the key.
 */
public record EqualsSettings(
        String source,
        URI baseUri,
        Secret apiKey,
        String accountId,
        AuthScheme authScheme,
        int pageSize,
        HttpSettings http) {

    /** How the API key goes into the Authorization header. */
    public enum AuthScheme {
        /** {@code Authorization: ApiKey <key>}. */
        API_KEY("ApiKey "),
        /** {@code Authorization: Bearer <key>}. */
        BEARER("Bearer "),
        /** {@code Authorization: <key>}. */
        NONE("");

        private final String prefix;

        AuthScheme(String prefix) {
            this.prefix = prefix;
        }

        public String headerValue(Secret key) {
            return prefix + key.reveal();
        }

        static AuthScheme parse(String source, String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "apikey", "api-key", "api_key" -> API_KEY;
                case "bearer" -> BEARER;
                case "none", "" -> NONE;
                default ->
                    throw new SourceConfigurationException(
                            source, "auth-scheme must be ApiKey, Bearer or none, got '" + text + "'");
            };
        }
    }

    public EqualsSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(authScheme, "authScheme");
        Objects.requireNonNull(http, "http");
        if (pageSize < 1 || pageSize > 1000) {
            throw new SourceConfigurationException(source, "page-size must be 1..1000, got " + pageSize);
        }
    }

    public static EqualsSettings from(SourceSettings settings) {
        URI base = settings.baseUri();
        Secret key = Secret.of(settings.requireCredential("api-key"));
        String accountId = settings.parameter("account-id")
                .orElseThrow(() -> new SourceConfigurationException(settings.name(), "missing account-id"));
        AuthScheme scheme = AuthScheme.parse(
                settings.name(), settings.parameter("auth-scheme").orElse("ApiKey"));
        int pageSize;
        try {
            pageSize = Integer.parseInt(settings.parameter("page-size").orElse("100"));
        } catch (NumberFormatException e) {
            throw new SourceConfigurationException(settings.name(), "page-size must be a whole number 1..1000");
        }
        return new EqualsSettings(settings.name(), base, key, accountId, scheme, pageSize, settings.http());
    }
}
