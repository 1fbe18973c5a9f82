package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.db.testing.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The outbox across a restart, with a fake webhook on loopback: a notification whose webhook is down while the first
 * instance runs stays in the outbox; stopping that instance mid-round (in a backoff wait) hands it back at once; the
 * instance started next on the same database sends it.
 */
class OutboxRestartIT {

    private final String source = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger status = new AtomicInteger(503);
    /** Bodies the webhook received, each with the status it answered. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    private ApplicationContext start(int webhookPort) {
        Map<String, Object> p = new HashMap<>(new ServiceTestSupport() {}.getProperties());
        p.put("micronaut.server.enabled", "false");
        p.put("balance-history.alerts.deliver.webhook.url", "http://127.0.0.1:" + webhookPort + "/hook");
        p.put("balance-history.alerts.deliver.webhook.secret", "outbox-webhook-secret-0123456789");
        // after the first failed attempt the round waits a minute: the stop comes during that wait
        p.put("balance-history.delivery.max-attempts", "3");
        p.put("balance-history.delivery.initial-backoff", "1m");
        p.put("balance-history.delivery.max-backoff", "1m");
        p.put("balance-history.outbox.every", "300ms");
        // a lease longer than the test: the restarted instance can send it only because the stop handed it back
        p.put("balance-history.outbox.lease", "10m");
        // a source that cannot be reached: its failed poll fires a stale-data alert (never polled successfully)
        p.put("balance-history.sources." + source + ".provider", "holyheld");
        p.put("balance-history.sources." + source + ".base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources." + source + ".token", "a-token-that-goes-nowhere");
        p.put("balance-history.sources." + source + ".max-retries", "0");
        return ApplicationContext.run(p);
    }

    @Test
    void a_notification_whose_webhook_is_down_at_first_is_sent_after_a_restart() throws Exception {
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            received.add(answer + " " + body);
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        webhook.start();
        try {
            int port = webhook.getAddress().getPort();
            try (ApplicationContext first = start(port)) {
                first.getBean(PollSourcesUseCase.class).pollNow(Optional.of(source), PollTrigger.ON_DEMAND);
                waitFor(() -> received.stream().anyMatch(r -> r.startsWith("503") && r.contains(source)));
                long stopping = System.nanoTime();
                first.stop();
                assertThat(Duration.ofNanos(System.nanoTime() - stopping))
                        .as("the stop cut the backoff wait short")
                        .isLessThan(Duration.ofSeconds(15));
            }
            assertThat(outboxStates())
                    .as("left in the outbox by the stopped instance")
                    .containsExactly("pending");
            assertThat(handedBack()).as("handed back: no lease left").isTrue();

            status.set(200);
            try (ApplicationContext restarted = start(port)) {
                waitFor(() -> outboxStates().equals(List.of("sent")));
            }
            assertThat(received)
                    .filteredOn(r -> r.contains(source))
                    .anySatisfy(r -> assertThat(r).startsWith("200").contains("stale-data"));
            assertThat(received)
                    .filteredOn(r -> r.startsWith("200") && r.contains(source))
                    .as("sent once")
                    .hasSize(1);
        } finally {
            webhook.stop(0);
        }
    }

    private boolean handedBack() {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = connection.prepareStatement("SELECT bool_and(lease_until IS NULL)"
                        + " FROM delivery_outbox WHERE channel = 'webhook' AND payload_json LIKE ?")) {
            statement.setString(1, "%" + source + "%");
            ResultSet rows = statement.executeQuery();
            return rows.next() && rows.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The states of the outbox rows that notify about this test's source. */
    private List<String> outboxStates() {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT state FROM delivery_outbox WHERE channel = 'webhook' AND payload_json LIKE ?")) {
            statement.setString(1, "%" + source + "%");
            ResultSet rows = statement.executeQuery();
            List<String> states = new java.util.ArrayList<>();
            while (rows.next()) {
                states.add(rows.getString(1));
            }
            return states;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
