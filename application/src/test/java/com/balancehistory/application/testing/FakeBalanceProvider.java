package com.balancehistory.application.testing;

import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.ProviderType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A provider that answers what the test queued, and counts how often it was asked. */
public final class FakeBalanceProvider implements BalanceProvider {

    private final String source;
    private final ProviderType type;
    private final Deque<FetchResult> queued = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private Supplier<FetchResult> otherwise;

    public FakeBalanceProvider(String source, ProviderType type) {
        this.source = source;
        this.type = type;
        this.otherwise = () -> Fixtures.fetched(source);
    }

    /** Answers these results in order, then the fallback. */
    public synchronized FakeBalanceProvider answering(FetchResult... results) {
        for (FetchResult result : results) {
            queued.addLast(result);
        }
        return this;
    }

    public synchronized FakeBalanceProvider otherwise(Supplier<FetchResult> fallback) {
        this.otherwise = fallback;
        return this;
    }

    @Override
    public String sourceName() {
        return source;
    }

    @Override
    public ProviderType providerType() {
        return type;
    }

    @Override
    public synchronized FetchResult fetch() {
        calls.incrementAndGet();
        FetchResult next = queued.pollFirst();
        return next != null ? next : otherwise.get();
    }

    public int calls() {
        return calls.get();
    }
}
