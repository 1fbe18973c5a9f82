package com.balancehistory.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Simulated time and the providers it moves. Time moves in whole simulated hours: on each hourly tick every provider
 * evolves (budgets spend down and get topped up, card limits are consumed and reset, grants deplete, the Holyheld card
 * spends). Every random choice comes from one seeded {@link Random} consumed tick by tick, provider by provider in a
 * fixed order, so the same seed and the same simulated time give the same state however time was advanced. All
 * amounts are exact cents.
 */
final class SimulatedWorld {

    private static final Duration TICK = Duration.ofHours(1);

    private final Random random;
    private final Instant start;
    private Instant now;
    private Instant nextTick;

    private final AhrvoSimulation ahrvo;
    private final EqualsMoneySimulation equalsMoney;
    private final GrantexSimulation grantex;
    private final HolyheldSimulation holyheld;
    private final List<SimulatedProvider> providers;

    SimulatedWorld(SimulatorSettings settings) {
        this.random = new Random(settings.seed());
        this.start = settings.start();
        this.now = settings.start();
        this.nextTick = settings.start().plus(TICK);
        // seeded in this order: each draws from the shared random
        this.ahrvo = new AhrvoSimulation(settings.ahrvoCards(), random);
        this.equalsMoney = new EqualsMoneySimulation(settings.equalsBudgets(), settings.seed(), random);
        this.grantex = new GrantexSimulation(settings.grantexAmountsAsStrings());
        this.holyheld = new HolyheldSimulation();
        this.providers = List.of(ahrvo, equalsMoney, grantex, holyheld);
    }

    AhrvoSimulation ahrvo() {
        return ahrvo;
    }

    EqualsMoneySimulation equalsMoney() {
        return equalsMoney;
    }

    GrantexSimulation grantex() {
        return grantex;
    }

    HolyheldSimulation holyheld() {
        return holyheld;
    }

    synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        evolveTo(now.plus(duration));
    }

    synchronized void evolveTo(Instant target) {
        while (!nextTick.isAfter(target)) {
            long hoursSinceStart = Duration.between(start, nextTick).toHours();
            for (SimulatedProvider provider : providers) {
                provider.tick(nextTick, hoursSinceStart, random);
            }
            nextTick = nextTick.plus(TICK);
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }
}
