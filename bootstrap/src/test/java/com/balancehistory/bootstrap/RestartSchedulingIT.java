package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A restart does not lose or delay a due poll: a slot that fell due while the instance was down is claimed by the
 * restarted instance (same instance id) at its first scheduler tick, not after a grace period or a full interval.
 */
class RestartSchedulingIT {

    private static final Duration TICK = Duration.ofSeconds(3);

    private final String source = "restart-" + UUID.randomUUID().toString().substring(0, 8);

    private ApplicationContext start(ProviderSimulator provider) {
        Map<String, Object> properties = new HashMap<>(new ServiceTestSupport() {}.getProperties());
        properties.put("micronaut.server.enabled", "false");
        properties.put("balance-history.scheduler.tick", TICK.toSeconds() + "s");
        properties.put("balance-history.instance-id", "restart-it");
        properties.put("balance-history.sources." + source + ".provider", "holyheld");
        properties.put("balance-history.sources." + source + ".base-url", provider.baseUrl());
        properties.put(
                "balance-history.sources." + source + ".token",
                provider.credentials().holyheldToken());
        properties.put("balance-history.sources." + source + ".interval", "1h");
        return ApplicationContext.run(properties);
    }

    @Test
    void after_a_restart_the_first_due_poll_runs_within_one_scheduler_tick() throws Exception {
        try (ProviderSimulator provider =
                ProviderSimulator.start(SimulatorSettings.defaults().withPort(0))) {
            Instant firstRun;
            try (ApplicationContext first = start(provider)) {
                firstRun = waitForScheduledRun(Instant.EPOCH, Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("the first sight of a source polls it at once"));
            }
            // while the instance was down its next slot (an hour away) passed
            execute("UPDATE source_schedule SET next_due_at = now() - interval '10 minutes' WHERE source = ?");

            Instant ready;
            try (ApplicationContext restarted = start(provider)) {
                ready = Instant.now();
                Optional<Instant> polled = waitForScheduledRun(firstRun, Duration.ofSeconds(20));
                assertThat(polled).as("a scheduled run after the restart").isPresent();
                // the scheduler's first tick comes 1 s after start-up, then every TICK; a small margin for a busy host
                assertThat(Duration.between(ready, polled.get())).isLessThanOrEqualTo(TICK.plusSeconds(1));
            }
        }
    }

    /** The start of the source's newest scheduled run that began after {@code after}, once there is one. */
    private Optional<Instant> waitForScheduledRun(Instant after, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = TestDatabase.get().connect();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT max(started_at) FROM poll_run WHERE trigger = 'schedule' AND requested_source = ?"
                                    + " AND started_at > ?")) {
                statement.setString(1, source);
                statement.setObject(2, OffsetDateTime.ofInstant(after, java.time.ZoneOffset.UTC));
                ResultSet rows = statement.executeQuery();
                if (rows.next() && rows.getObject(1) != null) {
                    return Optional.of(rows.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, source);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
