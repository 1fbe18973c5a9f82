package com.balancehistory.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs the provider simulator until interrupted and prints its base URL and demo credentials.
 *
 * <pre>
 * java -cp provider-simulator/target/classes com.balancehistory.simulator.ProviderSimulatorMain [port] [cards] [latency-ms] [speed]
 * </pre>
 * Defaults: port 8089, 3 Ahrvo cards, no latency, speed 60 (one simulated hour per real minute).
 */
public final class ProviderSimulatorMain {

    private ProviderSimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        int speed = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withPort(port)
                .withAhrvoCards(cards)
                .withLatency(Duration.ofMillis(latencyMs))
                .withClock(Clock.systemUTC(), speed);
        ProviderSimulator simulator = ProviderSimulator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println(describe(simulator));
        Thread.currentThread().join();
    }

    /** A human summary: base URLs per provider and the demo credentials (fake, simulator-only). */
    public static String describe(ProviderSimulator simulator) {
        SimulatorCredentials c = simulator.credentials();
        String base = simulator.baseUrl();
        StringBuilder out = new StringBuilder();
        out.append("Provider simulator listening on ").append(base).append('\n');
        out.append("  ahrvo         base-url ")
                .append(base)
                .append("  access-token ")
                .append(c.ahrvoAccessToken())
                .append("  api-key ")
                .append(c.ahrvoApiKey())
                .append("  card-ids ")
                .append(
                        c.ahrvoCardIds().size() <= 5
                                ? String.join(",", c.ahrvoCardIds())
                                : c.ahrvoCardIds().get(0) + ",... ("
                                        + c.ahrvoCardIds().size() + " cards)")
                .append('\n');
        out.append("  equals-money  base-url ")
                .append(base)
                .append("  api-key ")
                .append(c.equalsApiKey())
                .append("  account-id ")
                .append(c.equalsAccountId())
                .append('\n');
        out.append("  grantex       base-url ")
                .append(base)
                .append("  api-key ")
                .append(c.grantexApiKey())
                .append("  grant-ids ")
                .append(String.join(",", c.grantIds()))
                .append('\n');
        out.append("  holyheld      base-url ")
                .append(base)
                .append("  token ")
                .append(c.holyheldToken())
                .append('\n');
        out.append("Simulated time ")
                .append(simulator.simulatedNow())
                .append(", speed x")
                .append(simulator.settings().speed());
        return out.toString();
    }
}
