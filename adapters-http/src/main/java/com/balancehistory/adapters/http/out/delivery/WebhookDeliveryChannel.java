package com.balancehistory.adapters.http.out.delivery;

import com.balancehistory.application.port.out.report.DeliveryChannel;
import com.balancehistory.application.port.out.report.DeliveryPayload;
import com.balancehistory.application.port.out.report.DeliveryTarget;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * POSTs the payload's JSON to a webhook, signed: {@code X-Balance-History-Signature: sha256=<hex HMAC-SHA256 of the
 * exact body bytes under the target's secret>}. A 2xx answer is success; anything else, or no answer, is a failure
 * the caller retries. The secret is never logged or recorded.
 */
public final class WebhookDeliveryChannel implements DeliveryChannel {

    public static final String SIGNATURE_HEADER = "X-Balance-History-Signature";
    public static final String DELIVERY_HEADER = "X-Balance-History-Delivery";

    private final HttpClient client;
    private final Duration timeout;

    public WebhookDeliveryChannel(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    @Override
    public boolean handles(DeliveryTarget target) {
        return target instanceof DeliveryTarget.Webhook;
    }

    @Override
    public Result send(DeliveryPayload payload, DeliveryTarget target) {
        DeliveryTarget.Webhook webhook = (DeliveryTarget.Webhook) target;
        byte[] body = payload.json().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature(webhook.secret(), body))
                    .header(DELIVERY_HEADER, payload.subject() + "-" + payload.subjectId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return Result.failed(Optional.empty(), "invalid webhook URL: " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Result.ok(Optional.of(status))
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
