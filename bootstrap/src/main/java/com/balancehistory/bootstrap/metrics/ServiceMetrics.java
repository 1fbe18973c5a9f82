package com.balancehistory.bootstrap.metrics;

import com.balancehistory.adapters.http.out.common.ProviderCallObserver;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.domain.alert.AlertKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The service's own {@code balance_history_*} meters (names and labels are listed in docs/monitoring.md). Counters
 * and timers are looked up by Micrometer per call; per-source gauges read holders kept here.
 */
public final class ServiceMetrics {

    static final String PREFIX = "balance_history.";
    /** Bucket bounds of the duration histograms: few enough for many sources, fine enough for SLOs. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private static final List<String> REPORT_OUTCOMES = List.of("stored", "failed");
    private static final List<String> DELIVERY_CHANNELS = List.of("webhook", "directory", "log");

    private final MeterRegistry registry;
    private final Map<String, SourceState> sources = new ConcurrentHashMap<>();
    private final Map<AlertKind, AtomicLong> activeAlerts = new EnumMap<>(AlertKind.class);

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (AlertKind kind : AlertKind.values()) {
            AtomicLong count = new AtomicLong();
            activeAlerts.put(kind, count);
            Gauge.builder(PREFIX + "active.alerts", count, AtomicLong::get)
                    .tag("kind", kind.apiName())
                    .description("Alerts active now, by kind")
                    .register(registry);
        }
        // counters that exist before their first event, so that rules and dashboards see 0 rather than nothing
        REPORT_OUTCOMES.forEach(this::reportRuns);
        DELIVERY_CHANNELS.forEach(channel -> {
            deliveryAttempts(channel, true);
            deliveryAttempts(channel, false);
        });
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Deliveries waiting in the outbox (alert notifications and report deliveries), counted when scraped. */
    public void outboxPending(Supplier<Number> count) {
        Gauge.builder(PREFIX + "outbox.pending", count, c -> c.get().doubleValue())
                .description("Alert notifications and report deliveries waiting in the outbox to be sent")
                .strongReference(true)
                .register(registry);
    }

    /** The number of misconfigured sources, read when scraped. */
    public void misconfiguredSources(Supplier<Number> count) {
        Gauge.builder(PREFIX + "misconfigured.sources", count, c -> c.get().doubleValue())
                .description("Configured sources left out because their settings are unusable")
                .strongReference(true)
                .register(registry);
    }

    /** A source's circuit-breaker state as one 0/1 series per state, read when scraped. */
    public void circuitState(String source, Supplier<String> state, String... states) {
        for (String each : states) {
            Gauge.builder(PREFIX + "circuit.state", state, s -> s.get().equals(each) ? 1 : 0)
                    .tags("source", source, "state", each)
                    .description("1 for the state the source's circuit breaker is in, 0 for the others")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Whether a source can poll on this instance now (1) or not (0), read when scraped. */
    public void canPoll(String source, BooleanSupplier canPoll) {
        Gauge.builder(PREFIX + "source.can.poll", canPoll, c -> c.getAsBoolean() ? 1 : 0)
                .tag("source", source)
                .description("1 while the source can poll; 0 while its HTTP client is dead or its breaker is open")
                .strongReference(true)
                .register(registry);
    }

    /** One source's part of a poll, after it was recorded (or failed to be). */
    public void sourcePolled(
            String source,
            SourceOutcome outcome,
            int rowsWritten,
            Duration pollDuration,
            Duration recordingDuration,
            long finishedEpochMillis) {
        Counter.builder(PREFIX + "polls")
                .tags("source", source, "outcome", outcome.code())
                .description("Polls of a source, by outcome")
                .register(registry)
                .increment();
        timer("poll.duration", "Fetching and recording one source's poll", "source", source)
                .record(pollDuration);
        timer("recording.duration", "Writing one source's poll to the database", "source", source)
                .record(recordingDuration);
        Counter.builder(PREFIX + "snapshot.rows.written")
                .tag("source", source)
                .description("Snapshot rows (balances and card limits) written")
                .register(registry)
                .increment(rowsWritten);
        SourceState state = state(source);
        if (outcome.succeeded()) {
            state.consecutiveFailures.set(0);
            state.lastSuccessEpochMillis.set(finishedEpochMillis);
        } else {
            state.consecutiveFailures.incrementAndGet();
        }
    }

    /** Active alerts now, per kind (kinds not given have none). */
    public void activeAlerts(Map<AlertKind, Long> byKind) {
        activeAlerts.forEach((kind, count) -> count.set(byKind.getOrDefault(kind, 0L)));
    }

    public void reportRun(String outcome) {
        reportRuns(outcome).increment();
    }

    public void deliveryAttempt(String channel, boolean succeeded) {
        deliveryAttempts(channel, succeeded).increment();
    }

    private Counter reportRuns(String outcome) {
        return Counter.builder(PREFIX + "report.runs")
                .tag("outcome", outcome)
                .description("Report runs, by outcome")
                .register(registry);
    }

    private Counter deliveryAttempts(String channel, boolean succeeded) {
        return Counter.builder(PREFIX + "delivery.attempts")
                .tags("channel", channel, "outcome", succeeded ? "delivered" : "failed")
                .description("Attempts to deliver a report or alert notification")
                .register(registry);
    }

    /** An observer of one source's provider calls. */
    public ProviderCallObserver providerCalls(String source) {
        state(source);
        retries(source);
        rateLimitWaits(source);
        return new ProviderCallObserver() {
            @Override
            public void requestFinished(String endpoint, int status, Duration took) {
                timer(
                                "provider.request.duration",
                                "One HTTP request to a provider",
                                "source",
                                source,
                                "endpoint",
                                endpoint,
                                "status",
                                status == 0 ? "none" : Integer.toString(status))
                        .record(took);
            }

            @Override
            public void retrying(String endpoint, Duration wait) {
                retries(source).increment();
            }

            @Override
            public void rateLimitWaited(Duration wait) {
                rateLimitWaits(source).increment();
            }
        };
    }

    private Counter retries(String source) {
        return Counter.builder(PREFIX + "provider.retries")
                .tag("source", source)
                .description("Provider requests retried after a failure")
                .register(registry);
    }

    private Counter rateLimitWaits(String source) {
        return Counter.builder(PREFIX + "provider.rate.limit.waits")
                .tag("source", source)
                .description("Provider requests held back by the source's rate limit")
                .register(registry);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(PREFIX + name)
                .tags(tags)
                .description(description)
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                .register(registry);
    }

    private SourceState state(String source) {
        return sources.computeIfAbsent(source, name -> {
            SourceState state = new SourceState();
            Gauge.builder(
                            PREFIX + "source.last.success.timestamp",
                            state.lastSuccessEpochMillis,
                            millis -> millis.get() / 1000.0)
                    .tag("source", name)
                    .baseUnit("seconds")
                    .description("Unix time of the source's last successful poll by this instance (0: none yet)")
                    .register(registry);
            Gauge.builder(PREFIX + "source.consecutive.failures", state.consecutiveFailures, AtomicLong::get)
                    .tag("source", name)
                    .description("Polls of the source that failed in a row")
                    .register(registry);
            return state;
        });
    }

    private static final class SourceState {
        final AtomicLong lastSuccessEpochMillis = new AtomicLong();
        final AtomicLong consecutiveFailures = new AtomicLong();
    }
}
