package com.balancehistory.bootstrap.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A provider that answers 429 with {@code Retry-After: 3600}, on the real service: the polls after it call nothing
 * and say {@code rate_limited} with {@code retryAt}, and the sources route shows the time too.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitedSourceIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "admin-" + java.util.UUID.randomUUID();
    static final ProviderSimulator SIMULATOR = ProviderSimulator.start();

    static {
        SIMULATOR
                .faults()
                .next(
                        Endpoint.HOLYHELD_BALANCE,
                        Fault.status(429).body("{\"message\":\"slow down\"}").retryAfter("3600"));
    }

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .apiKey("admin", "admin", ADMIN_KEY)
                .with(Map.of(
                        "balance-history.sources.limited.provider",
                        "holyheld",
                        "balance-history.sources.limited.base-url",
                        SIMULATOR.baseUrl(),
                        "balance-history.sources.limited.token",
                        SIMULATOR.credentials().holyheldToken(),
                        "balance-history.sources.limited.max-retries",
                        "0",
                        "balance-history.sources.limited.interval",
                        "1h"))
                .asMap();
    }

    @AfterAll
    void stop() {
        SIMULATOR.close();
    }

    @Test
    void after_a_long_retry_after_no_poll_calls_the_provider_and_each_says_until_when() throws Exception {
        Instant earliest = Instant.now().plusSeconds(3600 - 5);
        awaitTheFirstScheduledSlot();
        JsonNode first = source(send("POST", "api/v1/polls?wait=PT20S"));
        JsonNode second = source(send("POST", "api/v1/polls?wait=PT20S"));

        for (JsonNode poll : new JsonNode[] {first, second}) {
            assertThat(poll.get("outcome").getStringValue()).isEqualTo("rate_limited");
            assertThat(Instant.parse(poll.get("retryAt").getStringValue())).isAfter(earliest);
        }
        assertThat(second.get("retryAt").getStringValue())
                .isEqualTo(first.get("retryAt").getStringValue());
        assertThat(second.get("error").getStringValue()).contains("not called");
        assertThat(SIMULATOR.requests().of(Endpoint.HOLYHELD_BALANCE))
                .as("only the first call")
                .hasSize(1);

        JsonNode listed = send("GET", "api/v1/sources").get("sources").get(0);
        assertThat(listed.get("retryAt").getStringValue())
                .isEqualTo(first.get("retryAt").getStringValue());
    }

    /**
     * The scheduler's first tick (one second after start) polls the never-polled source; waiting for it keeps that
     * slot from racing the on-demand polls below for the one 429 answer. Whichever poll meets the 429, every poll
     * after it must say rate_limited without calling the provider.
     */
    private void awaitTheFirstScheduledSlot() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode lastPoll =
                    send("GET", "api/v1/sources").get("sources").get(0).get("lastPoll");
            if (lastPoll != null && !lastPoll.isNull()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the scheduler's first slot did not record a poll within 15 s");
    }

    private static JsonNode source(JsonNode run) {
        return run.get("sources").get(0);
    }

    private JsonNode send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/").resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return json.readValue(response.body(), JsonNode.class);
    }
}
