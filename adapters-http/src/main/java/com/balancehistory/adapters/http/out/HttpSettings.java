package com.balancehistory.adapters.http.out;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one source talks HTTP: timeouts, response cap, retries, circuit breaker and load limits.
 *
 * @param connectTimeout          TCP/TLS connect timeout
 * @param readTimeout             time allowed for the whole response after the request is sent
 * @param maxResponseBytes        larger responses are refused (MALFORMED_RESPONSE)
 * @param maxRetries              retries after the first attempt, for timeouts, connection errors, 5xx and 429
 * @param initialBackoff          first backoff; doubles each retry, with jitter between half and all of it
 * @param maxBackoff              cap of one backoff
 * @param maxRetryAfter           longest Retry-After we wait; a longer one ends the retries
 * @param circuitFailureThreshold consecutive failed fetches that open the circuit (0 disables it)
 * @param circuitOpenFor          cool-down before a half-open trial
 * @param maxConcurrency          most requests of this source in flight at once
 * @param maxRequestsPerSecond    most requests of this source started per second (0 = unlimited)
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        long maxResponseBytes,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int circuitFailureThreshold,
        Duration circuitOpenFor,
        int maxConcurrency,
        double maxRequestsPerSecond) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 5L * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib)?");

    public HttpSettings {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        Objects.requireNonNull(maxRetryAfter, "max-retry-after");
        requirePositive(circuitOpenFor, "circuit-open-for");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("max-response-bytes must be positive");
        }
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("max-retries must be 0..20");
        }
        if (maxConcurrency < 1 || maxConcurrency > 1000) {
            throw new IllegalArgumentException("max-concurrency must be 1..1000");
        }
        if (Double.isNaN(maxRequestsPerSecond) || maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("max-requests-per-second must be 0 (unlimited) or more");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * Connect 5 s, read 15 s, 5 MiB, 3 retries from 250 ms up to 10 s, Retry-After up to 60 s, circuit opens after
     * 5 failed fetches for 2 minutes, 50 requests in flight, 80 requests per second (Ahrvo allows about 1,000 per
     * 10 s per client).
     */
    public static HttpSettings defaults() {
        return new HttpSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                DEFAULT_MAX_RESPONSE_BYTES,
                3,
                Duration.ofMillis(250),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                5,
                Duration.ofMinutes(2),
                50,
                80);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(
                connect,
                read,
                maxResponseBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                circuitFailureThreshold,
                circuitOpenFor,
                maxConcurrency,
                maxRequestsPerSecond);
    }

    public HttpSettings withMaxResponseBytes(long bytes) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                bytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                circuitFailureThreshold,
                circuitOpenFor,
                maxConcurrency,
                maxRequestsPerSecond);
    }

    public HttpSettings withRetries(int retries, Duration initial, Duration max) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxResponseBytes,
                retries,
                initial,
                max,
                maxRetryAfter,
                circuitFailureThreshold,
                circuitOpenFor,
                maxConcurrency,
                maxRequestsPerSecond);
    }

    public HttpSettings withMaxRetryAfter(Duration max) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxResponseBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                max,
                circuitFailureThreshold,
                circuitOpenFor,
                maxConcurrency,
                maxRequestsPerSecond);
    }

    public HttpSettings withCircuit(int threshold, Duration openFor) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxResponseBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                threshold,
                openFor,
                maxConcurrency,
                maxRequestsPerSecond);
    }

    public HttpSettings withLoad(int concurrency, double requestsPerSecond) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxResponseBytes,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxRetryAfter,
                circuitFailureThreshold,
                circuitOpenFor,
                concurrency,
                requestsPerSecond);
    }

    /**
     * A size as users write {@code max-response-bytes}: {@code 5242880}, {@code 512KiB}, {@code 5MiB}, or decimal
     * {@code 500kB}, {@code 5MB} (1000-based, unlike Micronaut's {@code @ReadableBytes}).
     */
    public static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (5242880, 512KiB, 5MiB)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        return switch (unit) {
            case "kb" -> amount * 1000;
            case "kib" -> amount * 1024;
            case "mb" -> amount * 1000 * 1000;
            case "mib" -> amount * 1024 * 1024;
            default -> amount;
        };
    }
}
