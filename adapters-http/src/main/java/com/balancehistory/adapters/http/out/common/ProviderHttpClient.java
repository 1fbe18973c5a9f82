package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.RawResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One source's HTTP access: GET with connect and read timeouts, a response size cap, retries with capped
 * exponential backoff and jitter for timeouts, connection errors, 5xx and 429 (honouring {@code Retry-After} in
 * seconds or as an HTTP-date), no retry for other 4xx, at most {@code maxConcurrency} requests in flight and at
 * most {@code maxRequestsPerSecond} started per second. Credentials only ever go into request headers. Bodies are
 * returned as received, so the data is parsed as the provider sent it; {@link CircuitBreakingProvider} redacts
 * what leaves the adapter.
 */
public final class ProviderHttpClient {

    private final Supplier<HttpClient> newClient;
    private volatile HttpClient client;
    private final HttpSettings settings;
    private final ProviderRuntime runtime;
    private final Semaphore inFlight;
    private final RateLimiter rateLimiter;

    /** Why no request can be sent, while the client has died and could not be rebuilt; null while it can. */
    private volatile String cannotSend;

    public ProviderHttpClient(HttpSettings settings, ProviderRuntime runtime) {
        this(settings, runtime, () -> runtime.httpClients().newClient(settings));
    }

    /** @param newClient builds the JDK client, again whenever the one in use has died */
    ProviderHttpClient(HttpSettings settings, ProviderRuntime runtime, Supplier<HttpClient> newClient) {
        this.newClient = newClient;
        this.settings = settings;
        this.runtime = runtime;
        this.inFlight = new Semaphore(settings.maxConcurrency(), true);
        this.rateLimiter = new RateLimiter(settings.maxRequestsPerSecond(), runtime);
        this.client = newClient.get();
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Why this source can send no request now: its JDK client died and the last try to rebuild it failed (every
     * request tries again). Empty while it can send.
     */
    public Optional<String> cannotSend() {
        return Optional.ofNullable(cannotSend);
    }

    /**
     * GETs {@code uri} with exactly these headers (in order), retrying as described above.
     *
     * @param auditEndpoint how the request is named in raw responses, e.g. {@code GET /v2/budgets?offset=0}
     */
    public HttpOutcome get(URI uri, Map<String, String> headers, String auditEndpoint) {
        List<RawResponse> raws = new ArrayList<>();
        String endpoint = ProviderCallObserver.endpointOf(uri.getRawPath());
        int attempt = 0;
        while (true) {
            Attempt result;
            try {
                result = once(uri, headers, endpoint);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpOutcome(
                        0, "", raws, FailureKind.UNAVAILABLE, "interrupted while calling", attempt, null);
            }
            attempt++;
            if (result.status > 0) {
                raws.add(new RawResponse(auditEndpoint, result.status, result.body));
            }
            boolean retryable =
                    result.retryableTransport || result.status == 429 || (result.status >= 500 && result.status <= 599);
            Optional<Duration> retryAfter = retryable ? retryAfter(result.retryAfter) : Optional.empty();
            Instant retryAt =
                    retryAfter.map(wait -> runtime.clock().instant().plus(wait)).orElse(null);
            if (!retryable || attempt > settings.maxRetries()) {
                return result.toOutcome(raws, attempt, null, retryAt);
            }
            Duration wait = backoff(attempt - 1);
            if (retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
                    return result.toOutcome(
                            raws,
                            attempt,
                            "Retry-After " + retryAfter.get().toSeconds() + " s is longer than the "
                                    + settings.maxRetryAfter().toSeconds() + " s we wait",
                            retryAt);
                }
                wait = retryAfter.get();
            }
            runtime.observer().retrying(endpoint, wait);
            try {
                runtime.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result.toOutcome(raws, attempt, "interrupted while waiting to retry", retryAt);
            }
        }
    }

    /** Backoff before retry number {@code retry + 1}: initial * 2^retry, capped, then between half and all of it. */
    Duration backoff(int retry) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long base = retry >= 30 ? cap : Math.min(cap, initial * (1L << retry));
        double factor = 0.5 + 0.5 * runtime.jitter().getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }

    /** A Retry-After header as a wait: delta-seconds or an HTTP-date (RFC 7231), relative to the clock. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(runtime.clock().instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Attempt once(URI uri, Map<String, String> headers, String endpoint) throws InterruptedException {
        rateLimiter.acquire();
        inFlight.acquire();
        try {
            long started = runtime.nanoTime().getAsLong();
            Attempt result = send(uri, headers);
            runtime.observer()
                    .requestFinished(
                            endpoint,
                            result.status,
                            Duration.ofNanos(runtime.nanoTime().getAsLong() - started));
            return result;
        } finally {
            inFlight.release();
        }
    }

    private Attempt send(URI uri, Map<String, String> headers) throws InterruptedException {
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
            return new Attempt(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Retry-After").orElse(null),
                    null,
                    null,
                    false);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Attempt.transport(
                    FailureKind.UNAVAILABLE,
                    "timed out after "
                            + settings.connectTimeout()
                                    .plus(settings.readTimeout())
                                    .toMillis() + " ms",
                    true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VirtualMachineError error) {
                throw error;
            }
            if (hasDied(cause)) {
                return rebuilt(client, cause);
            }
            if (cause instanceof ResponseTooLargeException) {
                return Attempt.transport(
                        FailureKind.MALFORMED_RESPONSE,
                        "response is larger than the " + settings.maxResponseBytes() + " bytes we accept",
                        false);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return Attempt.transport(
                        FailureKind.UNAVAILABLE,
                        "connect timed out after " + settings.connectTimeout().toMillis() + " ms",
                        true);
            }
            if (cause instanceof HttpTimeoutException) {
                return Attempt.transport(
                        FailureKind.UNAVAILABLE,
                        "read timed out after " + settings.readTimeout().toMillis() + " ms",
                        true);
            }
            String what = cause == null
                    ? "unknown error"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return Attempt.transport(
                    FailureKind.UNAVAILABLE, "connection failed: " + what, cause instanceof IOException);
        }
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

    /**
     * Replaces a dead client (once, if no other request already did) and reports the attempt as retryable. When no
     * client can be built (no selector or thread to be had), the source cannot send until a later request rebuilds it.
     */
    private Attempt rebuilt(HttpClient dead, Throwable why) {
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
                    return Attempt.transport(FailureKind.UNAVAILABLE, cannotSend, true);
                }
            }
        }
        return Attempt.transport(FailureKind.UNAVAILABLE, died + "; it was rebuilt", true);
    }

    private record Attempt(
            int status,
            String body,
            String retryAfter,
            FailureKind transportKind,
            String transportReason,
            boolean retryableTransport) {

        static Attempt transport(FailureKind kind, String reason, boolean retryable) {
            return new Attempt(0, "", null, kind, reason, retryable);
        }

        HttpOutcome toOutcome(List<RawResponse> raws, int attempts, String note, Instant retryAt) {
            return new HttpOutcome(status, body, raws, transportKind, transportReason, attempts, note, retryAt);
        }
    }

    /** Thrown inside the body subscriber when a response passes the cap. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(long cap) {
            super("response larger than " + cap + " bytes");
        }
    }

    /**
     * Collects a body up to a cap and cancels the stream beyond it. The buffer is sized from {@code Content-Length}
     * when the provider sends one, so a large body is held once as bytes and once as text, never in a doubling
     * buffer; and the text is handed over through a holder that lets go of it, because the JDK client keeps the last
     * response's subscriber and result reachable from its pooled connection (a 12 MB listing stayed on the heap, twice,
     * until the next poll).
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Text> {

        /** A body's text, to be taken once. */
        static final class Text {
            private String value;

            Text(String value) {
                this.value = value;
            }

            String take() {
                String taken = value;
                value = null;
                return taken == null ? "" : taken;
            }
        }

        /** The most one Java array holds. */
        private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

        private final long cap;
        private final CompletableFuture<Text> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private byte[] buffer;
        private int received;

        CappedBody(long cap, long contentLength) {
            this.cap = Math.min(cap, LARGEST_ARRAY);
            this.buffer = new byte[contentLength >= 0 && contentLength <= this.cap ? (int) contentLength : 8192];
        }

        @Override
        public CompletionStage<Text> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                long total = (long) received + item.remaining();
                if (total > cap) {
                    subscription.cancel();
                    buffer = null;
                    result.completeExceptionally(new ResponseTooLargeException(cap));
                    return;
                }
                if (total > buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(total, 2L * buffer.length)));
                }
                int length = item.remaining();
                item.get(buffer, received, length);
                received += length;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            buffer = null;
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            String text = new String(buffer, 0, received, StandardCharsets.UTF_8);
            buffer = null;
            result.complete(new Text(text));
        }
    }
}
