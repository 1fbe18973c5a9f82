package com.balancehistory.adapters.http.out.ahrvo;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.http.out.common.Secret;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Ahrvo source: {@code access-token} (Bearer) and {@code api-key} (x-api-key), the cards whose remaining limits
 * to read ({@code card-ids}), and whether to read the budget list ({@code fetch-budgets}, default true).
 * {@link #toString()} masks the credentials.
 */
public record AhrvoSettings(
        String source,
        URI baseUri,
        Secret accessToken,
        Secret apiKey,
        List<String> cardIds,
        boolean fetchBudgets,
        HttpSettings http) {

    public AhrvoSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(apiKey, "apiKey");
        cardIds = List.copyOf(new LinkedHashSet<>(cardIds));
        Objects.requireNonNull(http, "http");
    }

    public static AhrvoSettings from(SourceSettings settings) {
        String fetchBudgets = settings.parameter("fetch-budgets").orElse("true").toLowerCase(Locale.ROOT);
        if (!fetchBudgets.equals("true") && !fetchBudgets.equals("false")) {
            throw new SourceConfigurationException(settings.name(), "fetch-budgets must be true or false");
        }
        List<String> cards = settings.parameterList("card-ids");
        for (String card : cards) {
            if (!card.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new SourceConfigurationException(
                        settings.name(), "card-ids: '" + card + "' is not a card id (letters, digits, '-', '_')");
            }
        }
        if (cards.isEmpty() && fetchBudgets.equals("false")) {
            throw new SourceConfigurationException(
                    settings.name(), "nothing to fetch: no card-ids and fetch-budgets false");
        }
        return new AhrvoSettings(
                settings.name(),
                settings.baseUri(),
                Secret.of(settings.requireCredential("access-token")),
                Secret.of(settings.requireCredential("api-key")),
                cards,
                fetchBudgets.equals("true"),
                settings.http());
    }
}
