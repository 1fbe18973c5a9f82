package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.common.HttpClients;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.SourceHttpClients;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A source that cannot poll, against the simulator on loopback and this run's PostgreSQL: one whose JDK HTTP client
 * died (its executor terminated, as the client's own death after an OutOfMemoryError in its selector thread does)
 * and could not be rebuilt at first, one whose breaker opened, and one in whose poll the virtual machine fails. The
 * health details and {@code balance_history_source_can_poll} name the first two while /health stays UP; the error
 * of the third is no source failure.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceCannotPollIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "admin-key-cannot-poll";
    static final String DYING = "cp-dying";
    static final String STEADY = "cp-steady";
    static final String ERRING = "cp-erring";
    static final String DOWN = "cp-down";

    static final ProviderSimulator SIMULATOR = ProviderSimulator.start();
    static final DyingClients DYING_CLIENTS = new DyingClients();
    static final ErringClients ERRING_CLIENTS = new ErringClients();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    DSLContext dsl;

    ApiTestClient api;

    @MockBean(SourceHttpClients.class)
    SourceHttpClients httpClients() {
        return source -> switch (source) {
            case DYING -> DYING_CLIENTS;
            case ERRING -> ERRING_CLIENTS;
            default -> HttpClients.JDK;
        };
    }

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        // the first tick polls every source once; a heartbeat another test's instance left must not delay it
        p.put("balance-history.scheduler.affinity-grace", "1ms");
        p.putAll(TestProperties.none().apiKey("admin", "admin", ADMIN_KEY).asMap());
        for (String source : new String[] {DYING, STEADY, ERRING}) {
            p.put("balance-history.sources." + source + ".provider", "holyheld");
            p.put("balance-history.sources." + source + ".base-url", SIMULATOR.baseUrl());
            p.put("balance-history.sources." + source + ".token", SimulatorCredentials.HOLYHELD_TOKEN);
            p.put("balance-history.sources." + source + ".max-retries", "1");
            p.put("balance-history.sources." + source + ".initial-backoff", "10ms");
            p.put("balance-history.sources." + source + ".max-backoff", "10ms");
        }
        p.put("balance-history.sources." + DOWN + ".provider", "holyheld");
        p.put("balance-history.sources." + DOWN + ".base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources." + DOWN + ".token", "a-token-that-goes-nowhere");
        p.put("balance-history.sources." + DOWN + ".max-retries", "0");
        p.put("balance-history.sources." + DOWN + ".circuit-failure-threshold", "3");
        p.put("balance-history.sources." + DOWN + ".circuit-open-for", "1h");
        return p;
    }

    /** The scheduler's first tick polls each source once; the tests start after it, and no tick follows (1 h). */
    @BeforeAll
    void clientAfterTheFirstScheduledSlot() throws InterruptedException {
        api = ApiTestClient.of(server);
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (String source : new String[] {DYING, STEADY, ERRING, DOWN}) {
            while (results(source) == 0) {
                assertThat(System.nanoTime())
                        .as("the first scheduled slot of " + source)
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    void stop() {
        DYING_CLIENTS.first.shutdownNow();
        SIMULATOR.close();
    }

    @Test
    void a_source_whose_client_died_cannot_poll_while_it_cannot_be_rebuilt_and_polls_again_once_it_is() {
        assertThat(outcome(poll(DYING))).isEqualTo("ok");
        assertThat(sourceHealth(DYING)).isEqualTo("ok");
        assertThat(canPoll(DYING)).isEqualTo(1);

        DYING_CLIENTS.rebuildFails.set(true);
        DYING_CLIENTS.first.shutdownNow();
        JsonNode failed = poll(DYING);

        assertThat(outcome(failed)).isEqualTo("failed");
        assertThat(error(failed))
                .contains("the HTTP client had died (RejectedExecutionException) and could not be rebuilt")
                .contains("Too many open files");
        JsonNode health = health();
        assertThat(text(health, "status"))
                .as("one source that cannot poll is no outage")
                .isEqualTo("UP");
        assertThat(text(health.get("details").get("sources"), "status")).isEqualTo("UP");
        assertThat(sourceHealth(DYING))
                .startsWith("cannot poll: the HTTP client had died (RejectedExecutionException)"
                        + " and could not be rebuilt: UncheckedIOException");
        assertThat(sourceHealth(STEADY)).isNotEqualTo("cannot poll").doesNotStartWith("cannot poll");
        assertThat(canPoll(DYING)).isZero();
        assertThat(canPoll(STEADY)).isEqualTo(1);

        DYING_CLIENTS.rebuildFails.set(false);
        JsonNode again = poll(DYING);

        assertThat(outcome(again)).as(error(again)).isEqualTo("ok");
        assertThat(DYING_CLIENTS.built)
                .as("the first client and its replacement")
                .hasValue(2);
        assertThat(sourceHealth(DYING)).isEqualTo("ok");
        assertThat(canPoll(DYING)).isEqualTo(1);
        assertThat(outcome(poll(DYING))).as("the rebuilt client stays").isEqualTo("ok");
        assertThat(DYING_CLIENTS.built).hasValue(2);
    }

    @Test
    void a_source_whose_breaker_opened_cannot_poll_and_says_until_when() {
        assertThat(canPoll(DOWN))
                .as("the first slot failed; a breaker of threshold 3 stays closed")
                .isEqualTo(1);
        assertThat(outcome(poll(DOWN))).isEqualTo("failed");
        assertThat(canPoll(DOWN)).isEqualTo(1);
        assertThat(sourceHealth(DOWN)).isEqualTo("failing (2 in a row)");
        assertThat(outcome(poll(DOWN))).isEqualTo("failed");

        assertThat(sourceHealth(DOWN))
                .startsWith("cannot poll: circuit open after 3 consecutive failed fetches, next try after ");
        assertThat(canPoll(DOWN)).isZero();
        assertThat(text(health(), "status")).isEqualTo("UP");
        assertThat(outcome(poll(DOWN))).as("not called while open").isEqualTo("skipped");
    }

    @Test
    void
            an_error_of_the_virtual_machine_inside_a_poll_propagates_closes_its_run_as_interrupted_and_is_no_source_failure() {
        assertThat(outcome(poll(ERRING))).isEqualTo("ok");
        int resultsBefore = results(ERRING);

        ERRING_CLIENTS.outOfMemory.set(true);
        ApiTestClient.Response erred = api.post("api/v1/polls?source=" + ERRING + "&wait=PT30S", ADMIN_KEY, null);
        ERRING_CLIENTS.outOfMemory.set(false);

        assertThat(erred.status())
                .as("the error reaches the caller: " + erred.body())
                .isEqualTo(500);
        assertThat(erred.body()).doesNotContain("a-token", SimulatorCredentials.HOLYHELD_TOKEN);
        assertThat(results(ERRING))
                .as("no result recorded for the poll that met the error")
                .isEqualTo(resultsBefore);
        JsonNode erredRun =
                ApiJson.list(ApiJson.ok(json, api.get("api/v1/polls?limit=5", ADMIN_KEY))
                                .get("runs"))
                        .stream()
                        .filter(run -> run.get("requestedSource") != null
                                && text(run, "requestedSource").equals(ERRING))
                        .findFirst()
                        .orElseThrow();
        assertThat(erredRun.get("finishedAt"))
                .as("the run that met the error is closed, not kept open by the heartbeat until a restart")
                .isNotNull();
        assertThat(erredRun.get("interrupted").getBooleanValue()).isTrue();
        assertThat(text(ApiJson.list(erredRun.get("sources")).get(0), "outcome"))
                .isEqualTo("interrupted");
        assertThat(metric("balance_history_source_consecutive_failures{source=\"" + ERRING + "\"}"))
                .isZero();
        assertThat(scrape()).doesNotContain("balance_history_polls_total{outcome=\"failed\",source=\"" + ERRING);
        JsonNode sources = ApiJson.ok(json, api.get("api/v1/sources", ADMIN_KEY));
        JsonNode erring = ApiJson.list(sources.get("sources")).stream()
                .filter(s -> text(s, "name").equals(ERRING))
                .findFirst()
                .orElseThrow();
        assertThat(erring.get("consecutiveFailures").getIntValue()).isZero();
        assertThat(text(erring, "circuitState")).isEqualTo("closed");
        assertThat(sourceHealth(ERRING)).isEqualTo("ok");
        assertThat(outcome(poll(ERRING))).as("the next poll runs as ever").isEqualTo("ok");
    }

    private JsonNode poll(String source) {
        JsonNode run = ApiJson.ok(json, api.post("api/v1/polls?source=" + source + "&wait=PT30S", ADMIN_KEY, null));
        return ApiJson.list(run.get("sources")).get(0);
    }

    private static String outcome(JsonNode sourceResult) {
        return text(sourceResult, "outcome");
    }

    private static String error(JsonNode sourceResult) {
        JsonNode error = sourceResult.get("error");
        return error == null || error.isNull() ? "" : error.getStringValue();
    }

    private JsonNode health() {
        return ApiJson.body(json, api.get("health", ADMIN_KEY));
    }

    private String sourceHealth(String source) {
        return text(health().get("details").get("sources").get("details"), source);
    }

    private int results(String source) {
        return dsl.fetchCount(dsl.selectFrom("poll_source_result").where("source = ?", source));
    }

    private String scrape() {
        ApiTestClient.Response response = api.get("prometheus", ADMIN_KEY);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private double canPoll(String source) {
        return metric("balance_history_source_can_poll{source=\"" + source + "\"}");
    }

    private double metric(String series) {
        return MonitoringIT.value(scrape(), series);
    }

    /**
     * The first client runs on an executor the test terminates; rebuilding fails while asked to, as the JDK's does
     * when no selector can be opened.
     */
    static final class DyingClients implements HttpClients {
        final ExecutorService first = Executors.newCachedThreadPool();
        final AtomicBoolean rebuildFails = new AtomicBoolean();
        final AtomicInteger built = new AtomicInteger();

        @Override
        public HttpClient newClient(HttpSettings settings) {
            if (built.get() > 0 && rebuildFails.get()) {
                throw new UncheckedIOException(new IOException("Too many open files"));
            }
            HttpClient.Builder builder = HttpClients.configured(settings);
            return (built.getAndIncrement() == 0 ? builder.executor(first) : builder).build();
        }
    }

    /** A client whose executor runs out of memory while asked to, in the thread that sends the request. */
    static final class ErringClients implements HttpClients {
        final AtomicBoolean outOfMemory = new AtomicBoolean();
        final ExecutorService executor = Executors.newCachedThreadPool();

        @Override
        public HttpClient newClient(HttpSettings settings) {
            return HttpClients.configured(settings)
                    .executor(task -> {
                        if (outOfMemory.get()) {
                            throw new OutOfMemoryError("Java heap space");
                        }
                        executor.execute(task);
                    })
                    .build();
        }
    }
}
