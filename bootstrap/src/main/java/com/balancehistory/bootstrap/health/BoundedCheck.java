package com.balancehistory.bootstrap.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * Runs one health check on its own thread and answers within a timeout whatever the check does; while a check is
 * still running (a hung database), later probes share it instead of starting more.
 */
final class BoundedCheck implements AutoCloseable {

    private final String name;
    private final Duration timeout;
    private final Supplier<HealthResult> check;
    private final HealthStatus whenUnanswered;
    private final ExecutorService thread;
    private final AtomicReference<CompletableFuture<HealthResult>> running = new AtomicReference<>();

    /** @param whenUnanswered the status when the check times out or fails */
    BoundedCheck(String name, Duration timeout, HealthStatus whenUnanswered, Supplier<HealthResult> check) {
        this.name = name;
        this.timeout = timeout;
        this.check = check;
        this.whenUnanswered = whenUnanswered;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, name + "-health");
            worker.setDaemon(true);
            return worker;
        });
    }

    Publisher<HealthResult> result() {
        CompletableFuture<HealthResult> current = running.updateAndGet(previous ->
                previous == null || previous.isDone() ? CompletableFuture.supplyAsync(check, thread) : previous);
        return Publishers.fromCompletableFuture(current.copy()
                .exceptionally(e -> unanswered(
                        "the " + name + " check failed: " + e.getClass().getSimpleName()))
                .completeOnTimeout(
                        unanswered("the " + name + " check did not answer within " + timeout.toMillis() + " ms"),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS));
    }

    HealthResult unanswered(String reason) {
        return HealthResult.builder(name, whenUnanswered)
                .details(Map.of("error", reason))
                .build();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
