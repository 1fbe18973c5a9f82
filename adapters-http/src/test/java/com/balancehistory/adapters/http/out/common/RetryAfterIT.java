package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.testing.SimulatorBackedContract;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider that asks for an hour's pause is not called again within that hour, and the poll says until when. */
class RetryAfterIT extends SimulatorBackedContract {

    @Test
    void a_long_retry_after_is_remembered_and_the_source_is_not_called_before_that_time() {
        Map<String, Object> raw = SimulatorSources.holyheld(sim);
        raw.put("max-retries", "0");
        BalanceProvider provider =
                BalanceProviderFactory.create(SimulatorSources.settings("slow-down", raw), runtime.runtime());
        sim.faults()
                .next(
                        Endpoint.HOLYHELD_BALANCE,
                        Fault.status(429).body("{\"message\":\"slow down\"}").retryAfter("3600"));
        Instant retryAt = runtime.now().plusSeconds(3600);

        FetchResult first = provider.fetch();
        assertThat(first).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.failure().retryAt()).isEqualTo(retryAt);
            assertThat(failed.failure().reason()).contains("no call before " + retryAt);
        });

        runtime.advance(Duration.ofMinutes(59));
        FetchResult withinTheHour = provider.fetch();
        assertThat(withinTheHour).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.failure().retryAt()).isEqualTo(retryAt);
            assertThat(failed.failure().reason()).startsWith("not called");
        });
        assertThat(sim.requests().of(Endpoint.HOLYHELD_BALANCE))
                .as("one call, none within the hour")
                .hasSize(1);

        runtime.advance(Duration.ofMinutes(1));
        assertThat(provider.fetch()).isInstanceOf(FetchResult.Fetched.class);
        assertThat(sim.requests().of(Endpoint.HOLYHELD_BALANCE)).hasSize(2);
    }

    @Test
    void a_retry_after_within_what_we_wait_is_waited_for_and_then_forgotten() {
        BalanceProvider provider = BalanceProviderFactory.create(
                SimulatorSources.settings("brief", SimulatorSources.holyheld(sim)), runtime.runtime());
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(429).retryAfter("2"));

        assertThat(provider.fetch()).isInstanceOf(FetchResult.Fetched.class);
        assertThat(provider.fetch()).isInstanceOf(FetchResult.Fetched.class);
        assertThat(sim.requests().of(Endpoint.HOLYHELD_BALANCE)).hasSize(3);
    }
}
