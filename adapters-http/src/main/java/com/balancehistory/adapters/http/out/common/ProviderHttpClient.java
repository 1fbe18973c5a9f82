package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
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

    private final HttpSettings settings;
    private final ProviderRuntime runtime;
    private final HttpAttemptSender sender;
    private final RetryTiming timing;
    private final Semaphore inFlight;
    private final RateLimiter rateLimiter;

    public ProviderHttpClient(HttpSettings settings, ProviderRuntime runtime) {
        this(settings, runtime, () -> runtime.httpClients().newClient(settings));
    }

    /** @param newClient builds the JDK client, again whenever the one in use has died */
    ProviderHttpClient(HttpSettings settings, ProviderRuntime runtime, Supplier<HttpClient> newClient) {
        this.settings = settings;
        this.runtime = runtime;
        this.inFlight = new Semaphore(settings.maxConcurrency(), true);
        this.rateLimiter = new RateLimiter(settings.maxRequestsPerSecond(), runtime);
        this.timing = new RetryTiming(settings, runtime);
        this.sender = new HttpAttemptSender(settings, newClient);
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Why this source can send no request now: its JDK client died and the last try to rebuild it failed (every
     * request tries again). Empty while it can send.
     */
    public Optional<String> cannotSend() {
        return sender.cannotSend();
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
            HttpAttempt result;
            try {
                result = once(uri, headers, endpoint);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpOutcome(
                        0, "", raws, FailureKind.UNAVAILABLE, "interrupted while calling", attempt, null);
            }
            attempt++;
            if (result.status() > 0) {
                raws.add(new RawResponse(auditEndpoint, result.status(), result.body()));
            }
            boolean retryable = result.retryable();
            Optional<Duration> retryAfter = retryable ? timing.retryAfter(result.retryAfter()) : Optional.empty();
            Instant retryAt =
                    retryAfter.map(wait -> runtime.clock().instant().plus(wait)).orElse(null);
            if (!retryable || attempt > settings.maxRetries()) {
                return result.toOutcome(raws, attempt, null, retryAt);
            }
            Duration wait = timing.backoff(attempt - 1);
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

    /** One request within the source's rate and concurrency limits, timed for the observer. */
    private HttpAttempt once(URI uri, Map<String, String> headers, String endpoint) throws InterruptedException {
        rateLimiter.acquire();
        inFlight.acquire();
        try {
            long started = runtime.nanoTime().getAsLong();
            HttpAttempt result = sender.send(uri, headers);
            runtime.observer()
                    .requestFinished(
                            endpoint,
                            result.status(),
                            Duration.ofNanos(runtime.nanoTime().getAsLong() - started));
            return result;
        } finally {
            inFlight.release();
        }
    }
}
