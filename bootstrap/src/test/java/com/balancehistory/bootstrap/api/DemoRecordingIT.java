package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service in demo mode: polls of the built-in provider simulator go through the real provider clients,
 * the pooled connection (snapshots by COPY) and the API. A balance that a later poll saw again reads as observed by
 * that poll, whether or not its latest row was rewritten.
 */
@MicronautTest(environments = "demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRecordingIT extends ServiceTestSupport {

    private static final String ADMIN_KEY = "demo-admin-key-change-me-0001";
    private static final String READER_KEY = "demo-reader-key-change-me-0001";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    DSLContext dsl;

    @Test
    void every_balance_reads_as_observed_by_the_newest_poll_that_saw_it() {
        ApiTestClient api = ApiTestClient.of(server);

        JsonNode first = ok(api.post("api/v1/polls?wait=PT30S", ADMIN_KEY, null));
        assertThat(list(first.get("sources")))
                .allSatisfy(s -> assertThat(text(s, "outcome")).isEqualTo("ok"));
        JsonNode second = ok(api.post("api/v1/polls?wait=PT30S", ADMIN_KEY, null));
        assertThat(list(second.get("sources")))
                .allSatisfy(s -> assertThat(text(s, "outcome")).isEqualTo("ok"));
        Instant secondStarted = Instant.parse(text(second, "startedAt"));

        List<JsonNode> balances = list(
                        ok(api.get("api/v1/balances?limit=1000", READER_KEY)).get("items"))
                .stream()
                .filter(b -> text(b, "source").startsWith("demo-"))
                .toList();

        assertThat(balances).hasSizeGreaterThanOrEqualTo(4);
        assertThat(balances)
                .allSatisfy(b -> assertThat(Instant.parse(text(b, "observedAt")))
                        .as(text(b, "accountId"))
                        .isAfterOrEqualTo(secondStarted));
        for (JsonNode poll : List.of(first, second)) {
            assertThat(count(
                            "balance_snapshot WHERE poll_id = " + poll.get("id").getLongValue()))
                    .isEqualTo(balances.size());
        }
        assertThat(count("latest_balance WHERE account_id LIKE 'demo-%' AND follows_source_poll"))
                .isEqualTo(balances.size());
    }

    private int count(String fromWhere) {
        return dsl.fetchOne("SELECT count(*) FROM " + fromWhere).get(0, Integer.class);
    }

    private JsonNode ok(ApiTestClient.Response response) {
        return ApiJson.ok(json, response);
    }

    @Test
    void the_demo_listens_on_loopback_only_since_its_keys_are_published() throws Exception {
        assertThat(server.getHost()).isEqualTo("127.0.0.1");
        try (java.net.Socket loopback = new java.net.Socket("127.0.0.1", server.getPort())) {
            assertThat(loopback.isConnected()).isTrue();
        }
        java.util.Optional<java.net.InetAddress> external =
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                        .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                        .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no other interface");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new java.net.Socket(external.get(), server.getPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}
