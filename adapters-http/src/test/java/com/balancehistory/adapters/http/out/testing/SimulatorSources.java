package com.balancehistory.adapters.http.out.testing;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Source configuration maps pointing at a running simulator, as bootstrap would bind them from YAML. */
public final class SimulatorSources {

    private SimulatorSources() {}

    /** Fast, predictable HTTP settings for tests: no rate limit, backoff 100 ms doubling up to 1 s. */
    private static Map<String, Object> common(ProviderSimulator sim, String provider) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("provider", provider);
        raw.put("base-url", sim.baseUrl());
        raw.put("max-requests-per-second", "0");
        raw.put("initial-backoff", "100ms");
        raw.put("max-backoff", "1s");
        raw.put("connect-timeout", "2s");
        raw.put("read-timeout", "5s");
        return raw;
    }

    public static Map<String, Object> ahrvo(ProviderSimulator sim, List<String> cardIds) {
        SimulatorCredentials c = sim.credentials();
        Map<String, Object> raw = common(sim, "ahrvo");
        raw.put("api-key", c.ahrvoApiKey());
        raw.put("access-token", c.ahrvoAccessToken());
        raw.put("card-ids", cardIds);
        return raw;
    }

    public static Map<String, Object> equals(ProviderSimulator sim) {
        SimulatorCredentials c = sim.credentials();
        Map<String, Object> raw = common(sim, "equals-money");
        raw.put("api-key", c.equalsApiKey());
        raw.put("account-id", c.equalsAccountId());
        return raw;
    }

    public static Map<String, Object> grantex(ProviderSimulator sim, List<String> grantIds) {
        Map<String, Object> raw = common(sim, "grantex");
        raw.put("api-key", sim.credentials().grantexApiKey());
        raw.put("grant-ids", grantIds);
        return raw;
    }

    public static Map<String, Object> holyheld(ProviderSimulator sim) {
        Map<String, Object> raw = common(sim, "holyheld");
        raw.put("token", sim.credentials().holyheldToken());
        return raw;
    }

    /**
     * Settings from a map of the keys bootstrap binds under {@code balance-history.sources.<name>} (bootstrap's own
     * binding is tested there): provider, base-url, credentials and HTTP settings by name, every other key a provider
     * parameter (a list, or text, comma-separated for {@link SourceSettings#LIST_KEYS}).
     */
    public static SourceSettings settings(String name, Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>(raw);
        Object provider = values.remove("provider");
        Object baseUrl = values.remove("base-url");
        Map<String, String> credentials = new LinkedHashMap<>();
        SourceSettings.CREDENTIAL_KEYS.forEach(key -> {
            Object value = values.remove(key);
            if (value != null) {
                credentials.put(key, value.toString());
            }
        });
        HttpSettings d = HttpSettings.defaults();
        HttpSettings http = new HttpSettings(
                duration(values, "connect-timeout", d.connectTimeout()),
                duration(values, "read-timeout", d.readTimeout()),
                values.containsKey("max-response-bytes")
                        ? HttpSettings.parseSize(
                                values.remove("max-response-bytes").toString())
                        : d.maxResponseBytes(),
                whole(values, "max-retries", d.maxRetries()),
                duration(values, "initial-backoff", d.initialBackoff()),
                duration(values, "max-backoff", d.maxBackoff()),
                duration(values, "max-retry-after", d.maxRetryAfter()),
                whole(values, "circuit-failure-threshold", d.circuitFailureThreshold()),
                duration(values, "circuit-open-for", d.circuitOpenFor()),
                whole(values, "max-concurrency", d.maxConcurrency()),
                values.containsKey("max-requests-per-second")
                        ? Double.parseDouble(
                                values.remove("max-requests-per-second").toString())
                        : d.maxRequestsPerSecond());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        values.forEach((key, value) -> parameters.put(key, parameterValues(key, value)));
        return new SourceSettings(
                name,
                provider == null ? null : ProviderType.fromConfigName(provider.toString()),
                baseUrl == null ? null : baseUrl.toString(),
                credentials,
                parameters,
                http);
    }

    private static Duration duration(Map<String, Object> values, String key, Duration fallback) {
        Object value = values.remove(key);
        return value == null ? fallback : ConversionService.SHARED.convertRequired(value, Duration.class);
    }

    private static int whole(Map<String, Object> values, String key, int fallback) {
        Object value = values.remove(key);
        return value == null ? fallback : Integer.parseInt(value.toString());
    }

    private static List<String> parameterValues(String key, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return SourceSettings.LIST_KEYS.contains(key)
                ? Arrays.stream(value.toString().split(",")).map(String::strip).toList()
                : List.of(value.toString());
    }

    /** All the demo credential values, to assert none of them leaks. */
    public static List<String> secrets(ProviderSimulator sim) {
        SimulatorCredentials c = sim.credentials();
        return List.of(c.ahrvoAccessToken(), c.ahrvoApiKey(), c.equalsApiKey(), c.grantexApiKey(), c.holyheldToken());
    }
}
