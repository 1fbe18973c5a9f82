package com.balancehistory.adapters.http.out.bench;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import com.balancehistory.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): one fetch of the remaining limits of many Ahrvo cards against the simulator with a fixed
 * latency per call, reporting elapsed time and the load the simulator saw (most requests in flight at once, most
 * requests within any one second, requests per calendar second).
 *
 * <pre>
 * ./mvnw -q -B -pl adapters-http exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.balancehistory.adapters.http.out.bench.CardLimitsBenchmark \
 *   -Dexec.args="2000 100 50 500"
 * </pre>
 * Arguments: cards (2000), latency per call in ms (100), max-concurrency (50, the default), max-requests-per-second
 * (80, the default; 0 = unlimited).
 */
public final class CardLimitsBenchmark {

    private CardLimitsBenchmark() {}

    public static void main(String[] args) {
        int cards = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 100;
        int concurrency = args.length > 2
                ? Integer.parseInt(args[2])
                : HttpSettings.defaults().maxConcurrency();
        double rate = args.length > 3
                ? Double.parseDouble(args[3])
                : HttpSettings.defaults().maxRequestsPerSecond();

        SimulatorSettings simSettings = SimulatorSettings.defaults()
                .withAhrvoCards(cards)
                .withLatency(Duration.ofMillis(latencyMs))
                .withThreads(Math.max(200, concurrency * 2));
        try (ProviderSimulator sim = ProviderSimulator.start(simSettings)) {
            SimulatorCredentials c = sim.credentials();
            // warm-up: a few cards through a separate source, so class loading and JIT do not count
            run(sim, c, c.ahrvoCardIds().subList(0, Math.min(100, cards)), concurrency, 0);
            sim.requests().clear();

            long start = System.nanoTime();
            FetchResult result = run(sim, c, c.ahrvoCardIds(), concurrency, rate);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            FetchResult.Fetched fetched = (FetchResult.Fetched) result;
            int maxInFlight = sim.requests().maxInFlight(Endpoint.AHRVO_CARD_LIMITS);
            int maxPerSecond = sim.requests().maxPerSecond(Endpoint.AHRVO_CARD_LIMITS);
            List<Integer> perSecond = sim.requests().perSecond(Endpoint.AHRVO_CARD_LIMITS);
            System.out.printf(
                    "cards=%d latency=%dms max-concurrency=%d max-requests-per-second=%s%n",
                    cards, latencyMs, concurrency, rate <= 0 ? "unlimited" : String.valueOf(rate));
            System.out.printf(
                    "elapsed=%d ms, limits read=%d, failures=%d, requests=%d%n",
                    elapsedMs,
                    fetched.cardLimits().size(),
                    fetched.accountFailures().size(),
                    sim.requests().count(Endpoint.AHRVO_CARD_LIMITS));
            System.out.printf(
                    "max in flight=%d, max requests in any 1 s window=%d, per calendar second=%s%n",
                    maxInFlight, maxPerSecond, perSecond);
            System.out.printf(
                    "| %d | %d ms | %d | %s | %.2f s | %d | %d | %d |%n",
                    cards,
                    latencyMs,
                    concurrency,
                    rate <= 0 ? "unlimited" : String.valueOf(rate),
                    elapsedMs / 1000.0,
                    maxInFlight,
                    maxPerSecond,
                    fetched.cardLimits().size());
        }
    }

    private static FetchResult run(
            ProviderSimulator sim, SimulatorCredentials c, List<String> cardIds, int concurrency, double rate) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("provider", "ahrvo");
        raw.put("base-url", sim.baseUrl());
        raw.put("access-token", c.ahrvoAccessToken());
        raw.put("api-key", c.ahrvoApiKey());
        raw.put("card-ids", cardIds);
        raw.put("fetch-budgets", "false");
        raw.put("max-concurrency", concurrency);
        raw.put("max-requests-per-second", rate);
        BalanceProvider provider = BalanceProviderFactory.create(SimulatorSources.settings("ahrvo-bench", raw));
        return provider.fetch();
    }
}
