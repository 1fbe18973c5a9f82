package com.balancehistory.bootstrap.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DatabaseHealthIndicatorTest {

    @Test
    void a_database_that_never_answers_makes_health_down_within_the_timeout_instead_of_hanging() {
        HangingDataSource hanging = new HangingDataSource();
        DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(hanging, Duration.ofMillis(300));
        try {
            long started = System.nanoTime();
            HealthResult first = Mono.from(indicator.getResult()).block(Duration.ofSeconds(2));
            HealthResult second = Mono.from(indicator.getResult()).block(Duration.ofSeconds(2));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(first.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(((Map<?, ?>) first.getDetails()).get("error").toString())
                    .contains("database check did not answer within 300 ms");
            assertThat(second.getStatus()).isEqualTo(HealthStatus.DOWN);
            // a hang would take the full two-second blocks; the slack above 2 × 300 ms is for a loaded machine
            assertThat(tookMillis).isLessThan(3_500);
            assertThat(hanging.calls.get())
                    .as("one check in flight, not one thread per probe")
                    .isEqualTo(1);
        } finally {
            hanging.release.countDown();
            indicator.stop();
        }
    }

    @Test
    void an_unreachable_database_is_down_naming_the_failure_but_not_the_url() {
        DatabaseHealthIndicator indicator =
                new DatabaseHealthIndicator(new RefusingDataSource(), Duration.ofSeconds(1));
        try {
            HealthResult result = Mono.from(indicator.getResult()).block(Duration.ofSeconds(2));

            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(result.getDetails().toString())
                    .contains("not reachable: SQLException")
                    .doesNotContain("jdbc:", "secret");
        } finally {
            indicator.stop();
        }
    }

    /** getConnection blocks until released, as a pool does when the database host stops answering. */
    static final class HangingDataSource extends FakeDataSource {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("released");
        }
    }

    static final class RefusingDataSource extends FakeDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection to jdbc:postgresql://db/x?password=secret refused");
        }
    }

    abstract static class FakeDataSource implements DataSource {
        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
