package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.application.port.out.FailureKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one GET through the JDK client with the connect and read timeouts and the response size cap, and names what
 * went wrong when no response came. A client that has died is replaced, so the next attempt can succeed.
 */
final class HttpAttemptSender {

    private final Supplier<HttpClient> newClient;
    private volatile HttpClient client;
    private final HttpSettings settings;

    /** Why no request can be sent, while the client has died and could not be rebuilt; null while it can. */
    private volatile String cannotSend;

    /** @param newClient builds the JDK client, again whenever the one in use has died */
    HttpAttemptSender(HttpSettings settings, Supplier<HttpClient> newClient) {
        this.settings = settings;
        this.newClient = newClient;
        this.client = newClient.get();
    }

    HttpAttempt send(URI uri, Map<String, String> headers) throws InterruptedException {
        CompletableFuture<HttpResponse<CappedBody.Text>> future = null;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout());
            headers.forEach(builder::header);
            HttpClient current = client;
            try {
                future = current.sendAsync(
                        builder.build(),
                        info -> new CappedBody(
                                settings.maxResponseBytes(),
                                info.headers()
                                        .firstValueAsLong("Content-Length")
                                        .orElse(-1)));
            } catch (RejectedExecutionException | IllegalStateException dead) {
                return rebuilt(current, dead);
            }
            long limitMillis =
                    settings.connectTimeout().plus(settings.readTimeout()).toMillis();
            HttpResponse<CappedBody.Text> response = future.get(limitMillis, TimeUnit.MILLISECONDS);
            String body = response.body().take();
            return HttpAttempt.response(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (TimeoutException e) {
            future.cancel(true);
            return HttpAttempt.transport(
                    FailureKind.UNAVAILABLE,
                    "timed out after "
                            + settings.connectTimeout()
                                    .plus(settings.readTimeout())
                                    .toMillis() + " ms",
                    true);
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private HttpAttempt failed(Throwable cause) {
        if (cause instanceof VirtualMachineError error) {
            throw error;
        }
        if (hasDied(cause)) {
            return rebuilt(client, cause);
        }
        if (cause instanceof CappedBody.ResponseTooLargeException) {
            return HttpAttempt.transport(
                    FailureKind.MALFORMED_RESPONSE,
                    "response is larger than the " + settings.maxResponseBytes() + " bytes we accept",
                    false);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return HttpAttempt.transport(
                    FailureKind.UNAVAILABLE,
                    "connect timed out after " + settings.connectTimeout().toMillis() + " ms",
                    true);
        }
        if (cause instanceof HttpTimeoutException) {
            return HttpAttempt.transport(
                    FailureKind.UNAVAILABLE,
                    "read timed out after " + settings.readTimeout().toMillis() + " ms",
                    true);
        }
        String what = cause == null
                ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return HttpAttempt.transport(
                FailureKind.UNAVAILABLE, "connection failed: " + what, cause instanceof IOException);
    }

    /**
     * Whether the JDK client can send no more: its selector thread died (an {@link OutOfMemoryError} there kills
     * it for good) or its executor terminated. Every later request would fail the same way.
     */
    static boolean hasDied(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RejectedExecutionException
                    || t instanceof IOException
                            && t.getMessage() != null
                            && t.getMessage().toLowerCase(Locale.ROOT).contains("selector manager closed")) {
                return true;
            }
        }
        return false;
    }

    /** Why no request can be sent, while the client has died and could not be rebuilt; empty while it can. */
    Optional<String> cannotSend() {
        return Optional.ofNullable(cannotSend);
    }

    /**
     * Replaces a dead client (once, if no other request already did) and reports the attempt as retryable. When no
     * client can be built (no selector or thread to be had), the source cannot send until a later request rebuilds it.
     */
    private HttpAttempt rebuilt(HttpClient dead, Throwable why) {
        String died = "the HTTP client had died (" + why.getClass().getSimpleName() + ")";
        synchronized (this) {
            if (client == dead) {
                try {
                    client = newClient.get();
                    cannotSend = null;
                } catch (RuntimeException | Error failed) {
                    cannotSend = died + " and could not be rebuilt: "
                            + failed.getClass().getSimpleName()
                            + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
                    if (failed instanceof Error error) {
                        throw error;
                    }
                    return HttpAttempt.transport(FailureKind.UNAVAILABLE, cannotSend, true);
                }
            }
        }
        return HttpAttempt.transport(FailureKind.UNAVAILABLE, died + "; it was rebuilt", true);
    }
}
