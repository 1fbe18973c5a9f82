package com.balancehistory.adapters.http.out.delivery;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.DeliveryChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the payload's JSON to a webhook, signed as the Standard Webhooks convention does: {@code webhook-id} (the
 * same for every attempt of one delivery), {@code webhook-timestamp} (Unix seconds of this attempt) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, so a receiver that checks the
 * timestamp's age and remembers ids refuses a replayed request. The older body-only
 * {@code X-Balance-History-Signature} is still sent for receivers written against it. A 2xx answer is success;
 * anything else, or no answer, is a failure the caller retries. The secret is never logged or recorded.
 */
public final class WebhookDeliveryChannel implements DeliveryChannel {

    public static final String SIGNATURE_HEADER = "X-Balance-History-Signature";
    public static final String DELIVERY_HEADER = "X-Balance-History-Delivery";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public WebhookDeliveryChannel(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public boolean handles(DeliveryTarget target) {
        return target instanceof DeliveryTarget.Webhook;
    }

    @Override
    public Result send(DeliveryPayload payload, DeliveryTarget target) {
        DeliveryTarget.Webhook webhook = (DeliveryTarget.Webhook) target;
        byte[] body = payload.json().getBytes(StandardCharsets.UTF_8);
        String id = payload.subject() + "-" + payload.subjectId();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature(webhook.secret(), body))
                    .header(DELIVERY_HEADER, id)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", standardSignature(webhook.secret(), id, timestamp, payload.json()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return Result.failed(Optional.empty(), "invalid webhook URL: " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? Result.ok(Optional.of(status))
                    : Result.failed(Optional.of(status), "webhook answered HTTP " + status);
        } catch (IOException e) {
            return Result.failed(Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(Optional.empty(), "interrupted");
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}. The key is the configured secret's UTF-8
     * bytes (the convention's {@code whsec_} prefix and base64 key are not used).
     */
    public static String standardSignature(String secret, String id, String timestamp, String body) {
        byte[] signed = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, signed));
    }

    private static byte[] hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
