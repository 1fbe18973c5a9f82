package com.balancehistory.application.port.out;

import java.time.Instant;
import java.util.OptionalLong;

/** Idempotency keys shared by every instance: who claimed a key first, and what that request made. */
public interface IdempotencyStore {

    /** What a claim found. */
    sealed interface Claim {
        /** The key was free (or older than the given time): the caller runs the request. */
        record Claimed() implements Claim {}

        /** The key was claimed before; the resource is empty while that request still runs. */
        record Taken(OptionalLong resourceId) implements Claim {}
    }

    /** Claims the key; a claim made before {@code expiredBefore} counts as free. */
    Claim claim(String scope, String key, Instant now, Instant expiredBefore);

    /** Records what the claiming request made. */
    void complete(String scope, String key, long resourceId);

    /** Frees a key whose request failed, so a retry runs it. */
    void release(String scope, String key);
}
