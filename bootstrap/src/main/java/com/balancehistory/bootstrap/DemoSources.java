package com.balancehistory.bootstrap;

import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: the provider simulator runs inside the service on loopback, and one source per provider points at it,
 * so a newcomer sees real snapshots accrue without any credentials. The simulator's keys are public fakes.
 */
@Singleton
@Requires(env = "demo")
class DemoSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSources.class);

    private final ProviderSimulator simulator;
    private final String interval;

    DemoSources(
            @Value("${balance-history.demo.interval:30s}") String interval,
            @Value("${balance-history.demo.speed:120}") int speed) {
        this.interval = interval;
        // time in the simulated world runs `speed` times faster, so budgets visibly spend down between polls
        this.simulator = ProviderSimulator.start(SimulatorSettings.defaults().withClock(Clock.systemUTC(), speed));
        LOG.info("demo mode: provider simulator at {} (every provider, fake credentials)", simulator.baseUrl());
    }

    /** Source settings as they would appear under {@code balance-history.sources}. */
    Map<String, Object> sources() {
        SimulatorCredentials credentials = simulator.credentials();
        String baseUrl = simulator.baseUrl();
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put(
                "demo-ahrvo",
                Map.of(
                        "provider",
                        "ahrvo",
                        "base-url",
                        baseUrl,
                        "api-key",
                        credentials.ahrvoApiKey(),
                        "access-token",
                        credentials.ahrvoAccessToken(),
                        "card-ids",
                        credentials.ahrvoCardIds(),
                        "interval",
                        interval,
                        "card-limit-totals",
                        Map.of(
                                credentials.ahrvoCardIds().get(0),
                                Map.of("daily", "2000.00", "weekly", "6000.00", "monthly", "20000.00"))));
        sources.put(
                "demo-equals",
                Map.of(
                        "provider",
                        "equals-money",
                        "base-url",
                        baseUrl,
                        "api-key",
                        credentials.equalsApiKey(),
                        "account-id",
                        credentials.equalsAccountId(),
                        "interval",
                        interval));
        sources.put(
                "demo-grantex",
                Map.of(
                        "provider",
                        "grantex",
                        "base-url",
                        baseUrl,
                        "api-key",
                        credentials.grantexApiKey(),
                        "grant-ids",
                        credentials.grantIds(),
                        "interval",
                        interval));
        sources.put(
                "demo-holyheld",
                Map.of(
                        "provider",
                        "holyheld",
                        "base-url",
                        baseUrl,
                        "token",
                        credentials.holyheldToken(),
                        "interval",
                        interval));
        return sources;
    }

    @Override
    @PreDestroy
    public void close() {
        simulator.close();
    }
}
