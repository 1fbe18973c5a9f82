package com.balancehistory.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How to start a {@link ProviderSimulator}. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * SimulatorSettings.defaults().withAhrvoCards(2_000).withLatency(Duration.ofMillis(100))
 * }</pre>
 *
 * @param host                     address to bind, {@code 127.0.0.1} by default (loopback only)
 * @param port                     port to bind, 0 for any free port
 * @param seed                     seed of the random evolution; same seed, same history
 * @param start                    simulated time at start
 * @param ahrvoCards               number of Ahrvo cards (the first is the documented {@code card201907021723076245})
 * @param equalsBudgets            number of Equals Money budgets (one root, the rest children and grandchildren)
 * @param latency                  delay before every answer, to imitate a remote provider
 * @param grantexAmountsAsStrings  Grantex amounts as NUMERIC(18,4) strings ({@code "94.5000"}, what the live server
 *                                 sends) rather than the documented JSON numbers
 * @param clock                    when set, the world evolves by itself: before each answer it is advanced to
 *                                 {@code start + (clock now - clock at start) * speed}; when null it changes only
 *                                 through {@link ProviderSimulator#advance(Duration)}
 * @param speed                    how many simulated seconds pass per clock second (clock-driven mode only)
 * @param threads                  server threads, the most requests answered at once
 */
public record SimulatorSettings(
        String host,
        int port,
        long seed,
        Instant start,
        int ahrvoCards,
        int equalsBudgets,
        Duration latency,
        boolean grantexAmountsAsStrings,
        Clock clock,
        int speed,
        int threads) {

    public static final Instant DEFAULT_START = Instant.parse("2026-04-05T14:30:00Z");

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(latency, "latency");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (ahrvoCards < 0 || equalsBudgets < 0) {
            throw new IllegalArgumentException("card and budget counts must not be negative");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (speed < 1 || threads < 1) {
            throw new IllegalArgumentException("speed and threads must be at least 1");
        }
    }

    /** Loopback, any free port, seed 42, 3 Ahrvo cards, 7 Equals budgets, no latency, manual time. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, 42L, DEFAULT_START, 3, 7, Duration.ZERO, true, null, 1, 200);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(
                host,
                newPort,
                seed,
                start,
                ahrvoCards,
                equalsBudgets,
                latency,
                grantexAmountsAsStrings,
                clock,
                speed,
                threads);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(
                host,
                port,
                newSeed,
                start,
                ahrvoCards,
                equalsBudgets,
                latency,
                grantexAmountsAsStrings,
                clock,
                speed,
                threads);
    }

    public SimulatorSettings withAhrvoCards(int cards) {
        return new SimulatorSettings(
                host, port, seed, start, cards, equalsBudgets, latency, grantexAmountsAsStrings, clock, speed, threads);
    }

    public SimulatorSettings withEqualsBudgets(int budgets) {
        return new SimulatorSettings(
                host, port, seed, start, ahrvoCards, budgets, latency, grantexAmountsAsStrings, clock, speed, threads);
    }

    public SimulatorSettings withLatency(Duration newLatency) {
        return new SimulatorSettings(
                host,
                port,
                seed,
                start,
                ahrvoCards,
                equalsBudgets,
                newLatency,
                grantexAmountsAsStrings,
                clock,
                speed,
                threads);
    }

    public SimulatorSettings withGrantexAmountsAsStrings(boolean asStrings) {
        return new SimulatorSettings(
                host, port, seed, start, ahrvoCards, equalsBudgets, latency, asStrings, clock, speed, threads);
    }

    /** Lets the world evolve with this clock, {@code speed} simulated seconds per clock second. */
    public SimulatorSettings withClock(Clock newClock, int newSpeed) {
        return new SimulatorSettings(
                host,
                port,
                seed,
                start,
                ahrvoCards,
                equalsBudgets,
                latency,
                grantexAmountsAsStrings,
                newClock,
                newSpeed,
                threads);
    }

    public SimulatorSettings withThreads(int newThreads) {
        return new SimulatorSettings(
                host,
                port,
                seed,
                start,
                ahrvoCards,
                equalsBudgets,
                latency,
                grantexAmountsAsStrings,
                clock,
                speed,
                newThreads);
    }
}
