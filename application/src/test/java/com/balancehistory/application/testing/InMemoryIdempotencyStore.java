package com.balancehistory.application.testing;

import com.balancehistory.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Idempotency keys in a map, for application tests; {@link IdempotencyStoreContract} keeps it true to the real store. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Entry(Instant at, OptionalLong resource) {}

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(String scope, String key, Instant now, Instant expiredBefore) {
        Entry entry = entries.get(scope + "/" + key);
        if (entry != null && !entry.at().isBefore(expiredBefore)) {
            return new Claim.Taken(entry.resource());
        }
        entries.put(scope + "/" + key, new Entry(now, OptionalLong.empty()));
        return new Claim.Claimed();
    }

    @Override
    public synchronized void complete(String scope, String key, long resourceId) {
        entries.computeIfPresent(scope + "/" + key, (k, e) -> new Entry(e.at(), OptionalLong.of(resourceId)));
    }

    @Override
    public synchronized void release(String scope, String key) {
        entries.remove(scope + "/" + key);
    }
}
