package com.balancehistory.adapters.http.out.common;

import static com.balancehistory.adapters.http.out.testing.Results.failed;
import static com.balancehistory.adapters.http.out.testing.Results.fetched;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitBreakerIT {

    @Test
    void opens_after_repeated_failed_fetches_and_tries_again_after_the_cool_down() {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            TestRuntime runtime = new TestRuntime();
            Map<String, Object> raw = SimulatorSources.holyheld(sim);
            raw.put("max-retries", "0");
            raw.put("circuit-failure-threshold", "3");
            raw.put("circuit-open-for", "5m");
            BalanceProvider provider =
                    BalanceProviderFactory.create(SimulatorSources.settings("holyheld-bot1", raw), runtime.runtime());
            sim.faults().next(Endpoint.HOLYHELD_BALANCE, 4, Fault.status(503).body("{\"status\":\"error\"}"));

            for (int i = 0; i < 3; i++) {
                assertThat(failed(provider.fetch()).kind()).isEqualTo(FailureKind.UNAVAILABLE);
            }
            var open = failed(provider.fetch());

            assertThat(open.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
            assertThat(open.endpoint()).isEqualTo("GET /v4/ai-agents/balance");
            assertThat(open.reason()).contains("3 consecutive failed fetches");
            assertThat(sim.requests().count(Endpoint.HOLYHELD_BALANCE)).isEqualTo(3);
            assertThat(((CircuitBreakingProvider) provider).circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

            runtime.advance(Duration.ofMinutes(5));
            // half-open trial fails (the fourth queued 503): open again at once
            assertThat(failed(provider.fetch()).kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(failed(provider.fetch()).kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
            assertThat(sim.requests().count(Endpoint.HOLYHELD_BALANCE)).isEqualTo(4);

            runtime.advance(Duration.ofMinutes(5));
            assertThat(fetched(provider.fetch()).balances()).hasSize(1);
            assertThat(((CircuitBreakingProvider) provider).circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }
}
