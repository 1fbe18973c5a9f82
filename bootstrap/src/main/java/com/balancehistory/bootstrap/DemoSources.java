package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
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
    private final PollSchedule schedule;

    DemoSources(
            @Value("${balance-history.demo.interval:30s}") Duration interval,
            @Value("${balance-history.demo.speed:120}") int speed) {
        this.schedule = new PollSchedule.Every(interval);
        // time in the simulated world runs `speed` times faster, so budgets visibly spend down between polls
        this.simulator = ProviderSimulator.start(SimulatorSettings.defaults().withClock(Clock.systemUTC(), speed));
        LOG.info("demo mode: provider simulator at {} (every provider, fake credentials)", simulator.baseUrl());
    }

    /** One source per provider, as {@code balance-history.sources} would configure them. */
    List<SourceBinding.Definition> sources() {
        SimulatorCredentials credentials = simulator.credentials();
        String cardId = credentials.ahrvoCardIds().get(0);
        Map<LimitPeriod, BigDecimal> cardTotals = new EnumMap<>(LimitPeriod.class);
        cardTotals.put(LimitPeriod.DAILY, new BigDecimal("2000.00"));
        cardTotals.put(LimitPeriod.WEEKLY, new BigDecimal("6000.00"));
        cardTotals.put(LimitPeriod.MONTHLY, new BigDecimal("20000.00"));
        return List.of(
                source(
                        "demo-ahrvo",
                        ProviderType.AHRVO,
                        Map.of("api-key", credentials.ahrvoApiKey(), "access-token", credentials.ahrvoAccessToken()),
                        Map.of("card-ids", credentials.ahrvoCardIds()),
                        Map.of(cardId, cardTotals)),
                source(
                        "demo-equals",
                        ProviderType.EQUALS_MONEY,
                        Map.of("api-key", credentials.equalsApiKey()),
                        Map.of("account-id", List.of(credentials.equalsAccountId())),
                        Map.of()),
                source(
                        "demo-grantex",
                        ProviderType.GRANTEX,
                        Map.of("api-key", credentials.grantexApiKey()),
                        Map.of("grant-ids", credentials.grantIds()),
                        Map.of()),
                source(
                        "demo-holyheld",
                        ProviderType.HOLYHELD,
                        Map.of("token", credentials.holyheldToken()),
                        Map.of(),
                        Map.of()));
    }

    private SourceBinding.Definition source(
            String name,
            ProviderType provider,
            Map<String, String> credentials,
            Map<String, List<String>> parameters,
            Map<String, Map<LimitPeriod, BigDecimal>> cardLimitTotals) {
        return new SourceBinding.Definition(
                new SourceSettings(
                        name, provider, simulator.baseUrl(), credentials, parameters, HttpSettings.defaults()),
                schedule,
                cardLimitTotals);
    }

    @Override
    @PreDestroy
    public void close() {
        simulator.close();
    }
}
