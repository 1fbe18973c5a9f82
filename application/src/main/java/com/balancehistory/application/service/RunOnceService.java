package com.balancehistory.application.service;

import com.balancehistory.application.port.in.RunOnceUseCase;
import com.balancehistory.application.port.out.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/** Idempotency keys kept for {@code keepFor}; a request that fails frees its key so that a retry runs again. */
public final class RunOnceService implements RunOnceUseCase {

    public static final Duration DEFAULT_KEEP_FOR = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration keepFor;

    public RunOnceService(IdempotencyStore store, Clock clock, Duration keepFor) {
        this.store = store;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Override
    public Once once(String scope, String key, LongSupplier request) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Instant now = clock.instant();
        IdempotencyStore.Claim claim = store.claim(scope, key, now, now.minus(keepFor));
        if (claim instanceof IdempotencyStore.Claim.Taken taken) {
            if (taken.resourceId().isEmpty()) {
                throw new RequestInProgressException(scope);
            }
            return new Once(taken.resourceId().getAsLong(), true);
        }
        long resource;
        try {
            resource = request.getAsLong();
        } catch (RuntimeException e) {
            store.release(scope, key);
            throw e;
        }
        store.complete(scope, key, resource);
        return new Once(resource, false);
    }
}
