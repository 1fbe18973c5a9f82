package com.balancehistory.adapters.http.in.auth;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.adapters.http.in.problem.ProblemHandlers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Authorization: Bearer <key>} and checks it against the configured keys, throttling failed keys per
 * client address ({@link FailedAttemptThrottle}). The client address is the connection's peer; a proxy header counts
 * only when the operator names one in {@code micronaut.server.client-address-header} (a header any client can set
 * would let a guesser pick a new address per attempt).
 */
@Singleton
public final class BearerKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BearerKeyCheck.class);
    private static final String BEARER = "bearer ";

    /** What a request's Authorization header amounts to. */
    public sealed interface Outcome {}

    /** No header, or not the Bearer scheme: nothing was guessed. */
    public record Missing(String reason) implements Outcome {}

    /** A key that matches none of the configured keys. */
    public record Invalid() implements Outcome {}

    /** The address failed too often; its key was not checked. */
    public record Throttled(Duration retryAfter) implements Outcome {}

    public record Accepted(ApiKey key) implements Outcome {}

    private final ApiKeys keys;
    private final FailedAttemptThrottle throttle;
    private final HttpClientAddressResolver proxyAwareResolver;
    private final boolean trustProxyHeader;

    public BearerKeyCheck(
            ApiKeys keys,
            FailedAttemptThrottle throttle,
            HttpClientAddressResolver resolver,
            HttpServerConfiguration server) {
        this.keys = keys;
        this.throttle = throttle;
        this.proxyAwareResolver = resolver;
        this.trustProxyHeader = server.getClientAddressHeader() != null;
    }

    public Outcome check(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return new Missing("send an API key as 'Authorization: Bearer <key>'");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Missing("the Authorization header must use the Bearer scheme");
        }
        String address = clientAddress(request);
        Optional<Duration> blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            return new Throttled(blocked.get());
        }
        Optional<ApiKey> key =
                keys.authenticate(header.substring(BEARER.length()).strip());
        if (key.isPresent()) {
            return new Accepted(key.get());
        }
        FailedAttemptThrottle.Failure failure = throttle.recordFailure(address);
        LOG.warn(
                "rejected an unknown API key from {} on {} {} ({} failed in the last {})",
                address,
                request.getMethodName(),
                request.getPath(),
                failure.failuresInWindow(),
                throttle.settings().window());
        failure.blockedFor()
                .ifPresent(wait -> LOG.warn(
                        "throttling API keys from {} for {} s after {} failures",
                        address,
                        FailedAttemptThrottle.retryAfterSeconds(wait),
                        failure.failuresInWindow()));
        return new Invalid();
    }

    /** The key, or empty for any other outcome (no key, a wrong one, a throttled address). */
    public Optional<ApiKey> acceptedKey(HttpRequest<?> request) {
        return check(request) instanceof Accepted accepted ? Optional.of(accepted.key()) : Optional.empty();
    }

    public String clientAddress(HttpRequest<?> request) {
        if (trustProxyHeader) {
            String resolved = proxyAwareResolver.resolve(request);
            if (resolved != null && !resolved.isBlank()) {
                return resolved;
            }
        }
        return request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }

    /** The answer to a throttled address: 429 with {@code Retry-After} in seconds. */
    public static MutableHttpResponse<Problem> tooManyFailures(HttpRequest<?> request, Duration retryAfter) {
        long seconds = FailedAttemptThrottle.retryAfterSeconds(retryAfter);
        return ProblemHandlers.respond(
                request,
                ApiProblem.tooManyRequests(
                        "too many invalid API keys from this address; try again in " + seconds + " s", retryAfter));
    }
}
