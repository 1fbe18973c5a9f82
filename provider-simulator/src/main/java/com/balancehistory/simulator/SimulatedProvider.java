package com.balancehistory.simulator;

import java.time.Instant;
import java.util.Random;

/** One provider's simulated state, moved forward one simulated hour at a time by {@link SimulatedWorld}. */
interface SimulatedProvider {

    /**
     * One simulated hour ends at {@code at}, {@code hoursSinceStart} whole hours after the simulation started. Every
     * random choice comes from {@code random}, shared by all providers in a fixed order so a seed replays exactly.
     */
    void tick(Instant at, long hoursSinceStart, Random random);
}
