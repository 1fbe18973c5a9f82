package com.balancehistory.application.port.in;

import java.util.function.LongSupplier;

/**
 * Runs a request once per idempotency key: a retried request with the same key gets the first request's resource
 * instead of running again (keys are kept 24 hours).
 */
public interface RunOnceUseCase {

    /**
     * @param scope   what kind of request, e.g. {@code polls}; keys of different scopes never meet
     * @param request runs the request and returns the id of what it made
     * @throws RequestInProgressException while the first request with this key is still running
     */
    Once once(String scope, String key, LongSupplier request);

    /** The id of what the first request with the key made, and whether this call only repeated it. */
    record Once(long resourceId, boolean repeated) {}

    /** The first request with this key has not finished yet. */
    final class RequestInProgressException extends IllegalStateException {
        public RequestInProgressException(String scope) {
            super("a " + scope + " request with this Idempotency-Key is still running");
        }
    }
}
