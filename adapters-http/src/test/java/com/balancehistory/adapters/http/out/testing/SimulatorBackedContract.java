package com.balancehistory.adapters.http.out.testing;

import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the provider contract tests: one simulator per test class, and before each test no queued faults, no
 * recorded requests and a fresh runtime (clock and sleeper the test controls). Subclasses add their own resets in a
 * {@code @BeforeEach} of their own, which JUnit runs after this one.
 */
public abstract class SimulatorBackedContract {

    protected static ProviderSimulator sim;
    protected TestRuntime runtime;

    @BeforeAll
    static void startSimulator() {
        sim = ProviderSimulator.start(SimulatorSettings.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void clearSimulatorAndRuntime() {
        sim.faults().clear();
        sim.requests().clear();
        runtime = new TestRuntime();
    }
}
