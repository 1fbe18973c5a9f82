package com.balancehistory.bootstrap.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One provider that accepts connections and never answers, beside a healthy one, both every 2 s on the real
 * scheduler: the healthy source keeps its interval, and the hanging one's slots say it is still being polled.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceIsolationIT extends ServiceTestSupport {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration TICK = Duration.ofMillis(500);
    /** Thread start and claim transaction on a loaded 2-vCPU machine; without isolation the gaps were 20 s and more. */
    static final Duration SCHEDULING_SLACK = Duration.ofMillis(200);

    static final String HEALTHY = "healthy-" + UUID.randomUUID().toString().substring(0, 8);
    static final String HANGING = "hanging-" + UUID.randomUUID().toString().substring(0, 8);

    static final ProviderSimulator SIMULATOR = ProviderSimulator.start();
    static final HangingProvider HANGING_PROVIDER = hangingProvider();

    @Inject
    DSLContext dsl;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.ofEntries(
                Map.entry("balance-history.scheduler.tick", TICK.toMillis() + "ms"),
                Map.entry("balance-history.sources." + HEALTHY + ".provider", "holyheld"),
                Map.entry("balance-history.sources." + HEALTHY + ".base-url", SIMULATOR.baseUrl()),
                Map.entry("balance-history.sources." + HEALTHY + ".token", SimulatorCredentials.HOLYHELD_TOKEN),
                Map.entry("balance-history.sources." + HEALTHY + ".interval", INTERVAL.toMillis() + "ms"),
                Map.entry("balance-history.sources." + HANGING + ".provider", "holyheld"),
                Map.entry("balance-history.sources." + HANGING + ".base-url", HANGING_PROVIDER.baseUrl()),
                Map.entry("balance-history.sources." + HANGING + ".token", "hanging-token"),
                Map.entry("balance-history.sources." + HANGING + ".interval", INTERVAL.toMillis() + "ms"));
    }

    @AfterAll
    void stopProviders() throws IOException {
        HANGING_PROVIDER.close();
        SIMULATOR.close();
    }

    @Test
    void a_hanging_source_never_stretches_a_healthy_sources_interval() throws InterruptedException {
        Thread.sleep(7_500);

        List<OffsetDateTime> healthyStarts = dsl.fetch(
                        "SELECT started_at FROM poll_source_result WHERE source = ?"
                                + " AND outcome = 'ok' ORDER BY started_at",
                        HEALTHY)
                .getValues(0, OffsetDateTime.class);
        assertThat(healthyStarts).hasSizeGreaterThanOrEqualTo(3);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < healthyStarts.size(); i++) {
            gaps.add(Duration.between(healthyStarts.get(i - 1), healthyStarts.get(i)));
        }
        assertThat(gaps)
                .as("gaps between the healthy source's polls")
                .allSatisfy(gap ->
                        assertThat(gap).isLessThanOrEqualTo(INTERVAL.plus(TICK).plus(SCHEDULING_SLACK)));

        assertThat(HANGING_PROVIDER.connections())
                .as("the hanging source was called once, and still hangs")
                .isEqualTo(1);
        List<String> skipped = dsl.fetch(
                        "SELECT error_text FROM poll_source_result WHERE source = ?" + " AND outcome = 'skipped'",
                        HANGING)
                .getValues(0, String.class);
        assertThat(skipped)
                .as("every later slot of the hanging source")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(error -> assertThat(error).contains("STILL_POLLING").contains("still fetching"));
    }

    private static HangingProvider hangingProvider() {
        try {
            return new HangingProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
