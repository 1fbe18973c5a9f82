package com.balancehistory.adapters.http.out.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.DeliveryLog;
import com.balancehistory.application.service.report.DeliveryService;
import com.balancehistory.application.service.report.DeliverySettings;
import com.balancehistory.application.testing.MovingClock;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookDeliveryChannelTest {

    @Test
    void a_webhook_that_fails_then_succeeds_is_retried_with_backoff_signed_and_every_attempt_recorded()
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> signatures = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, String>> standard = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst("X-Balance-History-Signature"));
            standard.add(Map.of(
                    "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature")));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
        List<DeliveryLog.Attempt> attempts = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        java.time.Instant firstSend = java.time.Instant.parse("2026-12-06T10:00:00Z");
        MovingClock sendingClock = new MovingClock(firstSend);
        DeliveryLog log = new DeliveryLog() {
            public void record(Attempt attempt) {
                attempts.add(attempt);
            }

            public List<Attempt> attempts(String subject, long subjectId) {
                return attempts;
            }
        };
        try {
            DeliveryService service = new DeliveryService(
                    List.of(new WebhookDeliveryChannel(Duration.ofSeconds(5), sendingClock)),
                    log,
                    new DeliverySettings(5, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                    Clock.systemUTC(),
                    wait -> {
                        waits.add(wait);
                        sendingClock.advance(wait);
                    });
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String json = "{\"type\":\"allocation\",\"total\":\"100.00\"}";

            List<DeliveryService.Outcome> outcomes = service.deliver(
                    new DeliveryPayload("report", 42, json, Map.of()),
                    List.of(new DeliveryTarget.Webhook(url, "a-webhook-secret-0123")));

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.delivered()).isTrue();
                assertThat(o.attempts()).isEqualTo(2);
            });
            assertThat(calls.get()).isEqualTo(2);
            assertThat(waits).containsExactly(Duration.ofSeconds(2));
            assertThat(new String(bodies.get(1), StandardCharsets.UTF_8)).isEqualTo(json);
            String expected = WebhookDeliveryChannel.signature("a-webhook-secret-0123", bodies.get(1));
            assertThat(signatures).containsExactly(expected, expected);
            assertThat(expected).matches("sha256=[0-9a-f]{64}");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    "a-webhook-secret-0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(signatures.get(1))
                    .isEqualTo("sha256="
                            + java.util.HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8))));
            // Standard Webhooks: one id for every attempt of a delivery, a fresh timestamp per attempt, and
            // "v1," + base64 HMAC-SHA256 of "id.timestamp.body", so a captured request cannot be replayed later
            assertThat(standard).extracting(h -> h.get("id")).containsExactly("report-42", "report-42");
            assertThat(standard)
                    .extracting(h -> h.get("timestamp"))
                    .containsExactly(
                            String.valueOf(firstSend.getEpochSecond()), String.valueOf(firstSend.getEpochSecond() + 2));
            for (Map<String, String> headers : standard) {
                mac.init(new javax.crypto.spec.SecretKeySpec(
                        "a-webhook-secret-0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signed = headers.get("id") + "." + headers.get("timestamp") + "." + json;
                assertThat(headers.get("signature"))
                        .isEqualTo("v1,"
                                + java.util.Base64.getEncoder()
                                        .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
            }
            assertThat(attempts).extracting(DeliveryLog.Attempt::succeeded).containsExactly(false, true);
            assertThat(attempts.get(0).httpStatus()).contains(500);
            assertThat(attempts.get(0).error()).contains("webhook answered HTTP 500");
            assertThat(attempts.get(1).httpStatus()).contains(200);
            assertThat(attempts)
                    .allSatisfy(a -> assertThat(a.target()).isEqualTo(url).doesNotContain("secret"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void backoff_doubles_and_is_capped() {
        DeliverySettings settings = new DeliverySettings(6, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(settings::backoffAfter).toList())
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
    }
}
