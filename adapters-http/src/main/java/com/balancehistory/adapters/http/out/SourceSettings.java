package com.balancehistory.adapters.http.out;

import com.balancehistory.domain.account.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured source, as plain data: its name, provider, base URL, credentials, provider parameters and HTTP
 * settings. Bootstrap binds {@code balance-history.sources.<name>} into it with {@link #fromMap(String, Map)};
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
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib)?");

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

    // ---------------------------------------------------------------- binding from configuration maps

    /**
     * Builds settings from one entry of {@code balance-history.sources}, as YAML gives it:
     * <pre>{@code
     * ahrvo-main: { provider: ahrvo, base-url: https://api.ahrvo.network, api-key: ..., access-token: ...,
     *               card-ids: [card201907021723076245] }
     * }</pre>
     * Keys may be kebab-case, camelCase or snake_case. Recognised keys: {@code provider}, {@code base-url};
     * credentials {@code api-key}, {@code access-token}, {@code token}; HTTP settings {@code connect-timeout},
     * {@code read-timeout}, {@code initial-backoff}, {@code max-backoff}, {@code max-retry-after},
     * {@code circuit-open-for} (durations as {@code 5s}, {@code 500ms}, {@code 2m} or ISO {@code PT5S}),
     * {@code max-response-bytes} ({@code 5242880} or {@code 5MiB}), {@code max-retries},
     * {@code circuit-failure-threshold}, {@code max-concurrency}, {@code max-requests-per-second}. Every other key
     * is a provider parameter ({@code card-ids} and {@code grant-ids} take a list or comma-separated text); a key the
     * provider does not know is refused by {@link BalanceProviderFactory}, naming it (bootstrap removes its own
     * scheduling keys first).
     *
     * @throws SourceConfigurationException naming the source and the setting at fault
     */
    public static SourceSettings fromMap(String name, Map<String, ?> raw) {
        Objects.requireNonNull(raw, "raw");
        Map<String, Object> values = normalise(name, raw);
        Object providerValue = values.remove("provider");
        if (providerValue == null || providerValue.toString().isBlank()) {
            throw new SourceConfigurationException(name, "missing provider (ahrvo, equals-money, grantex, holyheld)");
        }
        ProviderType provider;
        try {
            provider =
                    ProviderType.fromConfigName(providerValue.toString().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new SourceConfigurationException(name, unknown.getMessage());
        }
        Object baseUrl = values.remove("base-url");
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String key : CREDENTIAL_KEYS) {
            Object value = values.remove(key);
            if (value != null) {
                credentials.put(key, value.toString().strip());
            }
        }
        HttpSettings http = httpSettings(name, values);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        values.forEach((key, value) -> parameters.put(key, listOf(key, value)));
        return new SourceSettings(
                name, provider, baseUrl == null ? null : baseUrl.toString(), credentials, parameters, http);
    }

    private static Map<String, Object> normalise(String name, Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String normal = kebab(key);
            Matcher indexed = Pattern.compile("(.+)\\[\\d+]").matcher(normal);
            if (indexed.matches()) {
                // flattened list entries such as card-ids[0]
                normal = indexed.group(1);
                List<Object> list = new ArrayList<>();
                Object existing = out.get(normal);
                if (existing instanceof Collection<?> previous) {
                    list.addAll(previous);
                }
                list.add(value);
                out.put(normal, list);
            } else if (value instanceof Map<?, ?> nested && normal.equals("http")) {
                nested.forEach((nestedKey, nestedValue) -> out.put(kebab(nestedKey.toString()), nestedValue));
            } else {
                out.put(normal, value);
            }
        });
        return out;
    }

    static String kebab(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else if (c == '_' || c == '.') {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> listOf(String key, Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().strip());
                }
            }
        } else if (LIST_KEYS.contains(key)) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else {
            out.add(value.toString().strip());
        }
        return out;
    }

    private static HttpSettings httpSettings(String name, Map<String, Object> values) {
        HttpSettings d = HttpSettings.defaults();
        try {
            Duration circuitOpenFor = duration(name, values, "circuit-open-for", null);
            if (circuitOpenFor == null) {
                circuitOpenFor = duration(name, values, "circuit-cool-down", d.circuitOpenFor());
            }
            return new HttpSettings(
                    duration(name, values, "connect-timeout", d.connectTimeout()),
                    duration(name, values, "read-timeout", d.readTimeout()),
                    size(name, values, "max-response-bytes", d.maxResponseBytes()),
                    integer(name, values, "max-retries", d.maxRetries()),
                    duration(name, values, "initial-backoff", d.initialBackoff()),
                    duration(name, values, "max-backoff", d.maxBackoff()),
                    duration(name, values, "max-retry-after", d.maxRetryAfter()),
                    integer(name, values, "circuit-failure-threshold", d.circuitFailureThreshold()),
                    circuitOpenFor,
                    integer(name, values, "max-concurrency", d.maxConcurrency()),
                    decimal(name, values, "max-requests-per-second", d.maxRequestsPerSecond()));
        } catch (IllegalArgumentException invalid) {
            throw new SourceConfigurationException(name, invalid.getMessage());
        }
    }

    /** Parses {@code 5s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT5S}. */
    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use 5s, 500ms, 2m or PT5S)");
        }
    }

    private static Duration duration(String name, Map<String, Object> values, String key, Duration fallback) {
        Object value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Duration duration) {
            return duration;
        }
        try {
            return parseDuration(value.toString());
        } catch (IllegalArgumentException e) {
            throw new SourceConfigurationException(name, key + ": " + e.getMessage());
        }
    }

    private static int integer(String name, Map<String, Object> values, String key, int fallback) {
        Object value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new SourceConfigurationException(name, key + ": '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String name, Map<String, Object> values, String key, double fallback) {
        Object value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new SourceConfigurationException(name, key + ": '" + value + "' is not a number");
        }
    }

    private static long size(String name, Map<String, Object> values, String key, long fallback) {
        Object value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = SIZE.matcher(value.toString().strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new SourceConfigurationException(
                    name, key + ": '" + value + "' is not a size (5242880, 512KiB, 5MiB)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        return switch (unit) {
            case "kb" -> amount * 1000;
            case "kib" -> amount * 1024;
            case "mb" -> amount * 1000 * 1000;
            case "mib" -> amount * 1024 * 1024;
            default -> amount;
        };
    }
}
