package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.ProviderType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Base of the balance providers (see {@link HttpBalanceProvider}): one circuit breaker per source around
 * {@link #fetchNow()}. A
 * {@link FetchResult.Failed} or an exception escaping {@link #fetchNow()} counts as a failed fetch, anything answered
 * (even with some accounts failing) as a success; while the breaker is open, {@link #fetch()} returns CIRCUIT_OPEN
 * without calling the provider. A {@code Retry-After} the provider answered with is remembered: until that time
 * {@link #fetch()} returns RATE_LIMITED with the time, without calling the provider. Everything {@link #fetch()} hands out passes the source's
 * {@link Redactor} here, the one exit of every provider: failure reasons, raw bodies and escaping exception messages,
 * never the parsed data.
 */
public abstract class CircuitBreakingProvider implements BalanceProvider {

    private final String source;
    private final ProviderType type;
    private final CircuitBreaker breaker;
    private final Redactor redactor;
    private volatile Instant retryAt;

    protected CircuitBreakingProvider(String source, ProviderType type, CircuitBreaker breaker, Redactor redactor) {
        this.source = Objects.requireNonNull(source, "source");
        this.type = Objects.requireNonNull(type, "type");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public final String sourceName() {
        return source;
    }

    @Override
    public final ProviderType providerType() {
        return type;
    }

    @Override
    public final FetchResult fetch() {
        Instant notBefore = retryAt;
        if (notBefore != null && breaker.clock().instant().isBefore(notBefore)) {
            return new FetchResult.Failed(
                    source,
                    new FetchFailure(
                            primaryEndpoint(),
                            FailureKind.RATE_LIMITED,
                            "not called: the provider asked for no call before " + notBefore + " (Retry-After)",
                            null,
                            notBefore));
        }
        if (!breaker.allowCall()) {
            return new FetchResult.Failed(
                    source,
                    FetchFailure.ofSource(
                            primaryEndpoint(),
                            FailureKind.CIRCUIT_OPEN,
                            "not called: circuit open after " + breaker.consecutiveFailures()
                                    + " consecutive failed fetches, next try after " + breaker.openUntil()));
        }
        FetchResult result;
        try {
            result = fetchNow();
        } catch (RuntimeException escaped) {
            // the poll records it as failed, so the breaker counts it too: a provider that throws on every fetch
            // would otherwise be called at every slot and never show as unable to poll
            breaker.recordFailure();
            throw redactor.redact(escaped);
        }
        retryAt = retryAtOf(result).orElse(null);
        if (result instanceof FetchResult.Failed) {
            breaker.recordFailure();
        } else {
            breaker.recordSuccess();
        }
        return redactor.redact(result);
    }

    /** The latest time any part of the answer named for calling again, if one did. */
    private static Optional<Instant> retryAtOf(FetchResult result) {
        Stream<FetchFailure> failures = result instanceof FetchResult.Failed failed
                ? Stream.of(failed.failure())
                : ((FetchResult.Fetched) result).accountFailures().stream();
        return failures.map(FetchFailure::retryAt).filter(Objects::nonNull).max(Instant::compareTo);
    }

    /** When the provider said it may be called again, while that is still ahead. */
    public Optional<Instant> retryAt() {
        Instant notBefore = retryAt;
        return notBefore != null && breaker.clock().instant().isBefore(notBefore)
                ? Optional.of(notBefore)
                : Optional.empty();
    }

    /** The state of this source's circuit breaker. */
    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    /**
     * Why this source cannot poll on this instance now, empty while it can: its HTTP client died and could not be
     * rebuilt, or its breaker is open (or half-open) after that many failed fetches in a row with none succeeding
     * since. A provider's Retry-After is no such reason: the source polls again at the time the provider named.
     */
    public Optional<String> cannotPoll() {
        Optional<String> client = cannotSend().map(redactor::redact);
        if (client.isPresent()) {
            return client;
        }
        CircuitBreaker.State state = breaker.state();
        if (state == CircuitBreaker.State.CLOSED) {
            return Optional.empty();
        }
        Instant nextTry = breaker.openUntil();
        return Optional.of("circuit " + state.label() + " after " + breaker.consecutiveFailures()
                + " consecutive failed fetches" + (nextTry == null ? "" : ", next try after " + nextTry));
    }

    /** Why the source's HTTP client can send nothing now (it died and could not be rebuilt); empty while it can. */
    protected Optional<String> cannotSend() {
        return Optional.empty();
    }

    /** Calls the provider; never throws for expected trouble. */
    protected abstract FetchResult fetchNow();

    /** The endpoint named in a CIRCUIT_OPEN failure. */
    protected abstract String primaryEndpoint();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + source + "]";
    }
}
