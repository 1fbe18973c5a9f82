package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Guessing API keys: after a few failures from one address, that address gets 429 with Retry-After. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedKeyThrottleIT extends ServiceTestSupport {

    static final CapturedLogs LOGS = CapturedLogs.start();
    static final String READER_KEY = "throttle-reader-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .apiKey("throttled-reader", "reader", READER_KEY)
                .with(Map.of(
                        "balance-history.api.failed-key-throttle.max-failures",
                        "5",
                        "balance-history.api.failed-key-throttle.window",
                        "1m"))
                .asMap();
    }

    @Test
    void repeated_wrong_keys_from_one_address_are_answered_429_with_retry_after_and_logged_with_the_address()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int[] statuses = new int[40];
        HttpResponse<String> last = null;
        for (int i = 0; i < statuses.length; i++) {
            last = http.send(
                    request("api/v1/balances", "guess-" + i + "-" + UUID.randomUUID()),
                    HttpResponse.BodyHandlers.ofString());
            statuses[i] = last.statusCode();
        }

        assertThat(statuses).startsWith(401, 401, 401, 401, 401);
        assertThat(java.util.Arrays.stream(statuses).skip(5)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(last.body()).contains("too many invalid API keys");

        HttpResponse<String> rightKeyWhileBlocked =
                http.send(request("api/v1/balances", READER_KEY), HttpResponse.BodyHandlers.ofString());
        assertThat(rightKeyWhileBlocked.statusCode())
                .as("a guesser learns nothing while blocked")
                .isEqualTo(429);
        assertThat(http.send(request("prometheus", "another-guess"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(429);

        assertThat(LOGS.lines())
                .anyMatch(line -> line.startsWith("WARN")
                        && line.contains("rejected an unknown API key")
                        && line.contains("127.0.0.1"));
        assertThat(LOGS.lines()).anyMatch(line -> line.contains("throttling API keys from 127.0.0.1"));
        assertThat(LOGS.lines()).noneMatch(line -> line.contains("guess-"));
    }

    @Test
    void a_plain_key_in_configuration_prints_a_start_up_warning_without_the_key() {
        assertThat(LOGS.lines())
                .anyMatch(line -> line.startsWith("WARN")
                        && line.contains("API key 'throttled-reader' is configured in plain text"));
        assertThat(LOGS.lines()).noneMatch(line -> line.contains(READER_KEY));
    }

    private HttpRequest request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
    }
}
