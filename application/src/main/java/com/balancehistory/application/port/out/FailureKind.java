package com.balancehistory.application.port.out;

/** Why a fetch (or one account within it) failed; decides retrying and how a poll run records it. */
public enum FailureKind {
    /** Credentials missing or rejected (401). Not retried. */
    UNAUTHORIZED(false),
    /** Credentials valid but the feature or resource is not allowed (403). Not retried. */
    FORBIDDEN(false),
    /** The resource does not exist (404 for one card or grant). Not retried. */
    NOT_FOUND(false),
    /** The request was rejected as invalid (other 4xx). Not retried. */
    BAD_REQUEST(false),
    /** The provider asked us to slow down (429), and retries ran out. */
    RATE_LIMITED(true),
    /** 5xx, connection failure or timeout, after retries ran out. */
    UNAVAILABLE(true),
    /** The provider answered, but the body broke its documented format. */
    MALFORMED_RESPONSE(false),
    /** Not called: the source's circuit breaker is open after repeated failures. */
    CIRCUIT_OPEN(true),
    /** Not called: an earlier poll is still fetching this source (a slow or hanging provider). */
    STILL_POLLING(true),
    /** The source is configured wrongly (missing credential, bad URL). */
    MISCONFIGURED(false);

    private final boolean transientFailure;

    FailureKind(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether the same call may succeed later without anyone changing anything. */
    public boolean isTransient() {
        return transientFailure;
    }
}
