package com.balancehistory.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A canned answer injected in place of the simulated one: a status with a body and headers, optionally after a
 * delay. A fault with status 0 only delays, then the normal answer follows.
 *
 * <pre>{@code
 * Fault.status(429).body("{\"message\":\"slow down\"}").header("Retry-After", "2")
 * Fault.status(200).body("{\"code\":\"SUCCESS\",\"data\":[{\"balance\":12}]}")   // malformed for Ahrvo
 * Fault.delay(Duration.ofSeconds(3))                                             // a slow but normal answer
 * }</pre>
 */
public record Fault(int status, String body, Map<String, String> headers, Duration delay) {

    public Fault {
        body = body == null ? "" : body;
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /** Answers with this status (body empty until {@link #body(String)}). */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status");
        }
        return new Fault(status, "", Map.of(), Duration.ZERO);
    }

    /** Only waits, then the normal answer follows. */
    public static Fault delay(Duration delay) {
        return new Fault(0, "", Map.of(), delay);
    }

    public Fault body(String newBody) {
        return new Fault(status, newBody, headers, delay);
    }

    public Fault header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new Fault(status, body, more, delay);
    }

    /** Adds a {@code Retry-After} header (seconds or an HTTP-date). */
    public Fault retryAfter(String value) {
        return header("Retry-After", value);
    }

    public Fault after(Duration newDelay) {
        return new Fault(status, body, headers, newDelay);
    }

    /** Whether this fault replaces the answer (rather than only delaying it). */
    public boolean replacesAnswer() {
        return status != 0;
    }
}
