package com.balancehistory.adapters.http.out;

import com.balancehistory.domain.account.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One configured source, as plain data: its name, provider, base URL, credentials, provider parameters and HTTP
 * settings. Bootstrap binds {@code balance-history.sources.<name>} into it;
 * {@link BalanceProviderFactory#create(SourceSettings)} checks the provider-specific parts.
 * {@link #toString()} masks every credential.
 *
 * @param name        source name, letters, digits, '-' or '_' (it becomes part of account ids)
 * @param provider    which provider API
 * @param baseUrl     e.g. {@code https://api.ahrvo.network}; provider paths are appended to it
 * @param credentials {@code api-key}, {@code access-token}, {@code token}, as the provider needs
 * @param parameters  provider parameters such as {@code card-ids}, {@code account-id}, {@code grant-ids},
 *                    {@code auth-scheme}, {@code page-size}, {@code card-id}, {@code fetch-budgets}
 * @param http        timeouts, retries, circuit breaker, concurrency and rate
 */
public record SourceSettings(
        String name,
        ProviderType provider,
        String baseUrl,
        Map<String, String> credentials,
        Map<String, List<String>> parameters,
        HttpSettings http) {

    /** Keys that hold credentials; their values are masked everywhere. */
    public static final Set<String> CREDENTIAL_KEYS = Set.of("api-key", "access-token", "token");

    /** List-valued parameters: YAML lists or comma-separated text. */
    public static final Set<String> LIST_KEYS = Set.of("card-ids", "grant-ids");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    public SourceSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SourceConfigurationException(
                    String.valueOf(name), "source names must be 1-80 letters, digits, '-' or '_'");
        }
        if (provider == null) {
            throw new SourceConfigurationException(name, "missing provider (ahrvo, equals-money, grantex, holyheld)");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new SourceConfigurationException(name, "missing base-url");
        }
        credentials = Map.copyOf(credentials == null ? Map.of() : credentials);
        Map<String, List<String>> params = new LinkedHashMap<>();
        (parameters == null ? Map.<String, List<String>>of() : parameters)
                .forEach((key, values) -> params.put(key, List.copyOf(values)));
        parameters = Map.copyOf(params);
        http = http == null ? HttpSettings.defaults() : http;
    }

    /** The credential, if configured and not blank. */
    public Optional<String> credential(String key) {
        String value = credentials.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The credential, or a {@link SourceConfigurationException} "missing {@code key}". */
    public String requireCredential(String key) {
        return credential(key).orElseThrow(() -> new SourceConfigurationException(name, "missing " + key));
    }

    /** All values of a parameter (empty when not configured). */
    public List<String> parameterList(String key) {
        return parameters.getOrDefault(key, List.of());
    }

    /** The single value of a parameter, if configured. */
    public Optional<String> parameter(String key) {
        List<String> values = parameterList(key);
        if (values.size() > 1) {
            throw new SourceConfigurationException(name, key + " takes one value, got " + values.size());
        }
        return values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    /** The base URL as an absolute http(s) URI without query, fragment or user info, trailing slash removed. */
    public URI baseUri() {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new SourceConfigurationException(name, "base-url is not a valid URL" + echo(baseUrl));
        }
        if (uri.getRawUserInfo() != null) {
            // do not echo it: user info may be a password
            throw new SourceConfigurationException(name, "base-url must not contain user info");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceConfigurationException(
                    name, "base-url must start with http:// or https://" + echo(baseUrl));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new SourceConfigurationException(name, "base-url has no host" + echo(baseUrl));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new SourceConfigurationException(name, "base-url must not have a query or fragment");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String echo(String url) {
        String shown = url.length() > 80 ? url.substring(0, 80) + "..." : url;
        return " (got '" + shown + "')";
    }

    @Override
    public String toString() {
        Map<String, String> masked = new TreeMap<>();
        credentials.keySet().forEach(key -> masked.put(key, "***"));
        return "SourceSettings[name=" + name + ", provider=" + provider.configName() + ", baseUrl=" + baseUrl
                + ", credentials=" + masked + ", parameters=" + new TreeMap<>(parameters) + ", http=" + http + "]";
    }
}
