package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.adapters.http.out.ahrvo.AhrvoSettings;
import com.balancehistory.adapters.http.out.equals.EqualsSettings;
import com.balancehistory.adapters.http.out.grantex.GrantexSettings;
import com.balancehistory.adapters.http.out.holyheld.HolyheldSettings;
import com.balancehistory.adapters.http.out.testing.Results;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialLeakIT {

    @Test
    void no_credential_appears_in_failures_raw_responses_settings_or_exceptions() {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            List<String> secrets = SimulatorSources.secrets(sim);
            TestRuntime runtime = new TestRuntime();
            List<Map<String, Object>> sources = List.of(
                    SimulatorSources.ahrvo(sim, List.of("card201907021723076245", "cardmissing")),
                    SimulatorSources.equals(sim),
                    SimulatorSources.grantex(sim, List.of("grnt_01HXYZ", "grnt_missing")),
                    SimulatorSources.holyheld(sim));
            List<String> texts = new ArrayList<>();
            // error bodies that echo the source's own credentials back, as a careless provider might
            var c = sim.credentials();
            Map<Endpoint, List<String>> own = Map.of(
                    Endpoint.AHRVO_BUDGETS, List.of(c.ahrvoAccessToken(), c.ahrvoApiKey()),
                    Endpoint.AHRVO_CARD_LIMITS, List.of(c.ahrvoAccessToken(), c.ahrvoApiKey()),
                    Endpoint.EQUALS_BUDGETS, List.of(c.equalsApiKey()),
                    Endpoint.GRANTEX_BALANCE, List.of(c.grantexApiKey()),
                    Endpoint.HOLYHELD_BALANCE, List.of(c.holyheldToken()));
            for (Endpoint endpoint : Endpoint.values()) {
                List<String> mine = own.get(endpoint);
                String echo = "{\"status\":\"error\",\"code\":\"BAD\",\"message\":\"bad credentials "
                        + String.join(" ", mine) + "\",\"error\":\"" + String.join(",", mine) + "\"}";
                sim.faults().next(endpoint, 4, Fault.status(500).body(echo));
                sim.faults().next(endpoint, Fault.status(401).body(echo));
                sim.faults().next(endpoint, Fault.status(200).body("{\"code\":\"" + mine.get(0) + "\"}"));
                sim.faults().next(endpoint, Fault.status(200).body("not json " + echo));
            }
            for (Map<String, Object> raw : sources) {
                SourceSettings settings = SimulatorSources.settings("leak-check", raw);
                texts.add(settings.toString());
                BalanceProvider provider = BalanceProviderFactory.create(settings, runtime.runtime());
                texts.add(provider.toString());
                for (int i = 0; i < 5; i++) {
                    FetchResult result = provider.fetch();
                    texts.addAll(Results.texts(result));
                }
            }
            texts.add(AhrvoSettings.from(SimulatorSources.settings("a", sources.get(0)))
                    .toString());
            texts.add(EqualsSettings.from(SimulatorSources.settings("e", sources.get(1)))
                    .toString());
            texts.add(GrantexSettings.from(SimulatorSources.settings("g", sources.get(2)))
                    .toString());
            texts.add(HolyheldSettings.from(SimulatorSources.settings("h", sources.get(3)))
                    .toString());
            Map<String, Object> broken = SimulatorSources.ahrvo(sim, List.of());
            broken.put("base-url", "http://user:" + secrets.get(0) + "@127.0.0.1/");
            Throwable thrown =
                    catchThrowable(() -> BalanceProviderFactory.create(SimulatorSources.settings("a", broken)));
            assertThat(thrown).isInstanceOf(SourceConfigurationException.class);
            texts.add(thrown.getMessage());

            assertThat(String.join("\n", texts))
                    .contains("***")
                    .contains("HTTP 500")
                    .contains("HTTP 401");
            Results.assertNoSecretIn(texts, secrets);
        }
    }
}
