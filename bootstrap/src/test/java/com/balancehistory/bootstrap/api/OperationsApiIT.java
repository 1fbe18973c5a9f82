package com.balancehistory.bootstrap.api;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator uses: polls that answer at once while a slow provider takes seconds, the synchronous form for
 * scripts, and {@code GET /api/v1/sources} telling which source fails.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsApiIT extends ServiceTestSupport {

    static final Duration SLOW = Duration.ofSeconds(5);
    static final ProviderSimulator SLOW_SIMULATOR = ProviderSimulator.start(SimulatorSettings.defaults().withPort(0)
            .withLatency(SLOW));
    static final ProviderSimulator FAST_SIMULATOR = ProviderSimulator.start(SimulatorSettings.defaults().withPort(0));
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String READER_KEY = "reader-key-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("balance-history.api.keys[0].name", "admin");
        p.put("balance-history.api.keys[0].role", "admin");
        p.put("balance-history.api.keys[0].key", ADMIN_KEY);
        p.put("balance-history.api.keys[1].name", "reader");
        p.put("balance-history.api.keys[1].role", "reader");
        p.put("balance-history.api.keys[1].key", READER_KEY);
        p.put("balance-history.sources.ops-slow.provider", "holyheld");
        p.put("balance-history.sources.ops-slow.base-url", SLOW_SIMULATOR.baseUrl());
        p.put("balance-history.sources.ops-slow.token", SLOW_SIMULATOR.credentials().holyheldToken());
        p.put("balance-history.sources.ops-slow.read-timeout", "20s");
        p.put("balance-history.sources.ops-fast.provider", "holyheld");
        p.put("balance-history.sources.ops-fast.base-url", FAST_SIMULATOR.baseUrl());
        p.put("balance-history.sources.ops-fast.token", FAST_SIMULATOR.credentials().holyheldToken());
        p.put("balance-history.sources.ops-fast.interval", "2m");
        p.put("balance-history.sources.ops-down.provider", "holyheld");
        p.put("balance-history.sources.ops-down.base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources.ops-down.token", "a-token-that-goes-nowhere");
        p.put("balance-history.sources.ops-down.max-retries", "0");
        p.put("balance-history.sources.ops-down.cron", "0 */10 * * * *");
        p.put("balance-history.sources.ops-down.cron-zone", "Europe/London");
        p.put("balance-history.sources.ops-broken.provider", "holyheld");
        return p;
    }

    @BeforeAll
    void client() {
        api = new ApiTestClient(URI.create(server.getURL().toString() + "/"));
        api.get("api/v1/polls?limit=1", READER_KEY);
    }

    @AfterAll
    void stopSimulators() {
        SLOW_SIMULATOR.close();
        FAST_SIMULATOR.close();
    }

    @Test
    void a_poll_answers_202_at_once_while_its_source_takes_seconds_and_shows_the_source_running() throws Exception {
        long started = System.nanoTime();
        ApiTestClient.Response accepted = api.post("api/v1/polls?source=ops-slow", ADMIN_KEY, null);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(tookMillis).isLessThan(100);
        JsonNode run = ApiJson.body(json, accepted);
        long id = run.get("id").getLongValue();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/polls/" + id);
        assertThat(list(run.get("sources"))).singleElement()
                .satisfies(s -> assertThat(text(s, "outcome")).isEqualTo("running"));

        JsonNode meanwhile = ApiJson.ok(json, api.get("api/v1/polls/" + id, READER_KEY));
        assertThat(meanwhile.get("finishedAt")).isNull();
        assertThat(text(list(meanwhile.get("sources")).get(0), "outcome")).isEqualTo("running");

        JsonNode finished = waitUntilFinished(id);
        assertThat(text(list(finished.get("sources")).get(0), "outcome")).isEqualTo("ok");
    }

    @Test
    void scripts_may_wait_for_the_finished_run_with_a_wait_parameter_or_a_prefer_header() {
        JsonNode waited = ApiJson.ok(json, api.post("api/v1/polls?source=ops-fast&wait=PT30S", ADMIN_KEY, null));
        assertThat(waited.get("finishedAt")).isNotNull();
        assertThat(text(list(waited.get("sources")).get(0), "outcome")).isEqualTo("ok");

        ApiTestClient.Response preferred = api.send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/v1/polls?source=ops-fast"))
                .header("Prefer", "respond-async, wait=30").POST(HttpRequest.BodyPublishers.noBody()), ADMIN_KEY);
        assertThat(preferred.status()).isEqualTo(200);
        assertThat(ApiJson.body(json, preferred).get("finishedAt")).isNotNull();

        ApiTestClient.Response bad = api.post("api/v1/polls?source=ops-fast&wait=soon", ADMIN_KEY, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(text(ApiJson.body(json, bad), "parameter")).isEqualTo("wait");
        assertThat(api.post("api/v1/polls?wait=PT2H", ADMIN_KEY, null).status()).isEqualTo(400);
    }

    @Test
    void sources_lists_each_source_with_its_schedule_last_poll_failures_and_staleness_and_the_misconfigured_ones() {
        ApiJson.ok(json, api.post("api/v1/polls?source=ops-fast&wait=PT30S", ADMIN_KEY, null));
        ApiJson.ok(json, api.post("api/v1/polls?source=ops-down&wait=PT30S", ADMIN_KEY, null));
        ApiJson.ok(json, api.post("api/v1/polls?source=ops-down&wait=PT30S", ADMIN_KEY, null));

        JsonNode body = ApiJson.ok(json, api.get("api/v1/sources", READER_KEY));

        Map<String, JsonNode> byName = new HashMap<>();
        list(body.get("sources")).forEach(s -> byName.put(text(s, "name"), s));
        JsonNode fast = byName.get("ops-fast");
        assertThat(text(fast, "provider")).isEqualTo("holyheld");
        assertThat(text(fast, "interval")).isEqualTo("PT2M");
        assertThat(text(fast.get("lastPoll"), "outcome")).isEqualTo("ok");
        assertThat(fast.get("lastSuccessAt")).isNotNull();
        assertThat(Duration.parse(text(fast, "lastSuccessAge"))).isLessThan(Duration.ofMinutes(1));
        assertThat(fast.get("consecutiveFailures").getIntValue()).isZero();
        assertThat(fast.get("accountsSeen").getIntValue()).isGreaterThanOrEqualTo(1);
        assertThat(fast.get("stale").getBooleanValue()).isFalse();
        assertThat(text(fast, "circuitState")).isEqualTo("closed");

        JsonNode down = byName.get("ops-down");
        assertThat(text(down, "cron")).isEqualTo("0 */10 * * * *");
        assertThat(text(down, "cronZone")).isEqualTo("Europe/London");
        assertThat(text(down.get("lastPoll"), "outcome")).isEqualTo("failed");
        assertThat(down.get("consecutiveFailures").getIntValue()).isGreaterThanOrEqualTo(2);
        assertThat(down.get("lastSuccessAt")).isNull();
        assertThat(down.get("stale").getBooleanValue()).isTrue();

        List<JsonNode> misconfigured = list(body.get("misconfigured"));
        assertThat(misconfigured).anySatisfy(m -> {
            assertThat(text(m, "name")).isEqualTo("ops-broken");
            assertThat(text(m, "error")).isNotBlank();
        });

        JsonNode health = ApiJson.body(json, api.get("health", ADMIN_KEY));
        assertThat(text(health, "status")).isEqualTo("UP");
        JsonNode sources = health.get("details").get("sources");
        assertThat(text(sources, "status")).isEqualTo("UP");
        assertThat(text(sources.get("details"), "ops-down")).startsWith("failing");
        assertThat(text(sources.get("details"), "ops-broken")).isEqualTo("misconfigured");
    }

    private JsonNode waitUntilFinished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + SLOW.plusSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = ApiJson.ok(json, api.get("api/v1/polls/" + id, READER_KEY));
            if (run.get("finishedAt") != null) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("poll run " + id + " did not finish");
    }
}
