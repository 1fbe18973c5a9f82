package com.balancehistory.bootstrap.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.reactivestreams.Publisher;

/**
 * Readiness: the database answers and every migration is applied. It answers within {@code timeout} whatever the
 * database does (a hung connection makes it DOWN, not slow): the check runs on its own thread and at most one runs at
 * a time. Its details name no URL, user or password. Replaces Micronaut's JDBC indicator, which shows the URL.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator implements HealthIndicator {

    static final String NAME = "database";

    private final DataSource dataSource;
    private final Duration timeout;
    private final BoundedCheck check;
    private volatile boolean migrationsApplied;

    DatabaseHealthIndicator(
            DataSource dataSource, @Value("${balance-history.health.database-timeout:1500ms}") Duration timeout) {
        // the pool itself: Micronaut's transaction-aware DataSource refuses a connection outside a transaction
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.timeout = timeout;
        this.check = new BoundedCheck(NAME, timeout, HealthStatus.DOWN, this::check);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return check.result();
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
            details.put("reachable", true);
        } catch (Exception e) {
            return check.unanswered(
                    "the database is not reachable: " + e.getClass().getSimpleName());
        }
        if (!migrationsApplied) {
            try {
                int pending = Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .pending()
                        .length;
                migrationsApplied = pending == 0;
                if (!migrationsApplied) {
                    details.put("migrations", pending + " pending");
                    return HealthResult.builder(NAME, HealthStatus.DOWN)
                            .details(details)
                            .build();
                }
            } catch (RuntimeException e) {
                return check.unanswered(
                        "could not read the migration history: " + e.getClass().getSimpleName());
            }
        }
        details.put("migrations", "applied");
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }

    @PreDestroy
    void stop() {
        check.close();
    }
}
