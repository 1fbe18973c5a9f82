package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.StartedPoll;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stopping the service while a slow poll runs (what the JVM's shutdown hook does on SIGTERM): the poll's source
 * transaction and the run are finished before the context, and its database pool, close.
 */
class GracefulShutdownIT {

    @Test
    void stopping_during_a_slow_poll_lets_the_poll_record_its_source_and_finish_the_run() throws Exception {
        try (ProviderSimulator slow = ProviderSimulator.start(
                SimulatorSettings.defaults().withPort(0).withLatency(Duration.ofMillis(1500)))) {
            Map<String, Object> properties = new HashMap<>(new ServiceTestSupport() {}.getProperties());
            properties.put("micronaut.server.enabled", "false");
            properties.put("balance-history.sources.stop-slow.provider", "holyheld");
            properties.put("balance-history.sources.stop-slow.base-url", slow.baseUrl());
            properties.put(
                    "balance-history.sources.stop-slow.token",
                    slow.credentials().holyheldToken());
            ApplicationContext context = ApplicationContext.run(properties);
            StartedPoll poll =
                    context.getBean(PollSourcesUseCase.class).start(Optional.of("stop-slow"), PollTrigger.ON_DEMAND);
            Thread.sleep(300);

            long started = System.nanoTime();
            context.stop();
            long stoppedAfterMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(poll.finished()).isCompleted();
            assertThat(stoppedAfterMillis).isGreaterThan(500);
            try (Connection connection = TestDatabase.get().connect();
                    Statement statement = connection.createStatement()) {
                ResultSet run = statement.executeQuery("SELECT r.finished_at IS NOT NULL, r.interrupted, s.outcome"
                        + " FROM poll_run r JOIN poll_source_result s ON s.poll_id = r.id WHERE r.id = " + poll.id());
                assertThat(run.next()).as("the source's result is recorded").isTrue();
                assertThat(run.getBoolean(1)).as("the run is finished").isTrue();
                assertThat(run.getBoolean(2)).as("not interrupted").isFalse();
                assertThat(run.getString(3)).isEqualTo("ok");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
