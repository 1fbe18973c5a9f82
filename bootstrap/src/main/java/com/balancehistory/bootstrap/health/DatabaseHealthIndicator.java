package com.balancehistory.bootstrap.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<CompletableFuture<HealthResult>> running = new AtomicReference<>();
    private volatile boolean migrationsApplied;

    DatabaseHealthIndicator(DataSource dataSource,
                            @Value("${balance-history.health.database-timeout:1500ms}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<HealthResult> check = running.updateAndGet(previous -> previous == null || previous.isDone()
                ? CompletableFuture.supplyAsync(this::check, checker) : previous);
        return Publishers.fromCompletableFuture(check.copy().completeOnTimeout(down("the database did not answer "
                + "within " + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
            details.put("reachable", true);
        } catch (Exception e) {
            return down("the database is not reachable: " + e.getClass().getSimpleName());
        }
        if (!migrationsApplied) {
            try {
                int pending = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                        .info().pending().length;
                migrationsApplied = pending == 0;
                if (!migrationsApplied) {
                    details.put("migrations", pending + " pending");
                    return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
                }
            } catch (RuntimeException e) {
                return down("could not read the migration history: " + e.getClass().getSimpleName());
            }
        }
        details.put("migrations", "applied");
        return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
    }

    private static HealthResult down(String reason) {
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", reason)).build();
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
