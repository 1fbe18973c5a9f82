package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code endpoints.all.port}, the management routes move to that port, where a scraper needs no key. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortIT extends ServiceTestSupport {

    static final int MANAGEMENT_PORT = freePort();

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("endpoints.all.port", String.valueOf(MANAGEMENT_PORT));
    }

    @Test
    void prometheus_on_the_management_port_needs_no_key_and_is_gone_from_the_api_port() {
        ApiTestClient management = new ApiTestClient(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/"));
        ApiTestClient main = ApiTestClient.of(server);

        ApiTestClient.Response scraped = management.get("prometheus", null);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("balance_history_misconfigured_sources");
        assertThat(management.get("health", null).status()).isEqualTo(200);
        assertThat(main.get("prometheus", null).status()).isIn(401, 404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
