package com.balancehistory.adapters.http.out.testing;

import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
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

    public static SourceSettings settings(String name, Map<String, Object> raw) {
        return SourceSettings.fromMap(name, raw);
    }

    /** All the demo credential values, to assert none of them leaks. */
    public static List<String> secrets(ProviderSimulator sim) {
        SimulatorCredentials c = sim.credentials();
        return List.of(c.ahrvoAccessToken(), c.ahrvoApiKey(), c.equalsApiKey(), c.grantexApiKey(), c.holyheldToken());
    }
}
