package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.domain.account.ProviderType;
import java.util.List;
import java.util.Optional;

/**
 * Base of the providers reached over HTTP: the source's circuit breaker and redactor built from its HTTP settings and
 * secrets, and the one HTTP client every call of the source goes through, whose death the source reports as why it
 * cannot poll.
 */
public abstract class HttpBalanceProvider extends CircuitBreakingProvider {

    /** Every call of this source goes through it: timeouts, retries, size and request caps. */
    protected final ProviderHttpClient http;

    protected HttpBalanceProvider(
            String source, ProviderType type, HttpSettings settings, ProviderRuntime runtime, List<Secret> secrets) {
        super(
                source,
                type,
                new CircuitBreaker(settings.circuitFailureThreshold(), settings.circuitOpenFor(), runtime.clock()),
                new Redactor(secrets));
        this.http = new ProviderHttpClient(settings, runtime);
    }

    @Override
    protected final Optional<String> cannotSend() {
        return http.cannotSend();
    }
}
