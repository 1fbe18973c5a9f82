package com.balancehistory.adapters.http.out.holyheld;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.http.out.common.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * One Holyheld agent: its {@code token} (Bearer) and the external id its card is recorded under ({@code card-id},
 * default {@value #DEFAULT_CARD_ID}; the API has no card id of its own). Masks the token.
 */
public record HolyheldSettings(String source, URI baseUri, Secret token, String cardId, HttpSettings http) {

    public static final String DEFAULT_CARD_ID = "agent-card";

    public HolyheldSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(http, "http");
    }

    public static HolyheldSettings from(SourceSettings settings) {
        URI base = settings.baseUri();
        Secret token = Secret.of(settings.requireCredential("token"));
        return new HolyheldSettings(
                settings.name(), base, token, settings.parameter("card-id").orElse(DEFAULT_CARD_ID), settings.http());
    }
}
