package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.balancehistory.application.port.out.FailureKind;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies as the provider client reads them from a real server on loopback: whole, exact, capped, then let go of. */
class ProviderHttpClientBodyIT {

    /** Multi-byte characters, so a chunk boundary can fall inside one. */
    private static final String LISTING =
            "{\"data\":[" + "{\"name\":\"Budget \u20ac \u00e9\u00e8 \ud83d\udcb6\"},".repeat(4000) + "{}]}";

    private final TestRuntime test = new TestRuntime();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = LISTING.getBytes(StandardCharsets.UTF_8);
        server.createContext("/sized", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // no Content-Length: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 1000) {
                    out.write(body, at, Math.min(1000, body.length - at));
                    out.flush();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ProviderHttpClient client(long maxResponseBytes) {
        return new ProviderHttpClient(
                HttpSettings.defaults()
                        .withRetries(
                                0,
                                HttpSettings.defaults().initialBackoff(),
                                HttpSettings.defaults().maxBackoff())
                        .withMaxResponseBytes(maxResponseBytes),
                test.runtime());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void a_body_with_and_without_content_length_is_read_whole_and_exactly() {
        ProviderHttpClient http = client(HttpSettings.DEFAULT_MAX_RESPONSE_BYTES);

        for (String path : new String[] {"/sized", "/chunked"}) {
            HttpOutcome outcome = http.get(uri(path), Map.of(), "GET " + path);

            assertThat(outcome.isSuccess()).as(path).isTrue();
            assertThat(outcome.body()).as(path).isEqualTo(LISTING);
        }
    }

    @Test
    void a_body_over_the_cap_is_refused_whether_or_not_its_length_was_announced() {
        int bytes = LISTING.getBytes(StandardCharsets.UTF_8).length;
        ProviderHttpClient http = client(bytes - 1);

        for (String path : new String[] {"/sized", "/chunked"}) {
            HttpOutcome outcome = http.get(uri(path), Map.of(), "GET " + path);

            assertThat(outcome.transportFailure()).as(path).isEqualTo(FailureKind.MALFORMED_RESPONSE);
            assertThat(outcome.transportReason())
                    .isEqualTo("response is larger than the " + (bytes - 1) + " bytes we accept");
        }
        assertThat(client(bytes).get(uri("/sized"), Map.of(), "GET /sized").body())
                .as("exactly at the cap")
                .isEqualTo(LISTING);
    }

    @Test
    void the_client_keeps_no_body_once_it_has_handed_it_over() throws InterruptedException {
        ProviderHttpClient http = client(HttpSettings.DEFAULT_MAX_RESPONSE_BYTES);
        WeakReference<String> body = new WeakReference<>(
                http.get(uri("/sized"), Map.of(), "GET /sized").body());

        for (int i = 0; i < 20 && body.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }

        assertThat(body.get()).as("the body after the outcome was dropped").isNull();
    }
}
