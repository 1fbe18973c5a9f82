package com.balancehistory.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fault injection for tests. Queued faults answer the next calls of an endpoint in order; standing faults answer
 * every call for one card or grant until cleared; delays slow every call of an endpoint; paging switches bend the
 * Equals Money listing. Thread-safe.
 */
public final class FaultInjector {

    private final Map<Endpoint, Deque<Fault>> queued = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Duration> delays = new EnumMap<>(Endpoint.class);
    private final Map<String, Fault> perCard = new HashMap<>();
    private final Map<String, Fault> perGrant = new HashMap<>();
    private int equalsMaxRowsPerPage = Integer.MAX_VALUE;
    private int equalsCountInflation;
    private Integer equalsEmptyPageAtOffset;

    /** The next {@code times} calls of the endpoint get this fault (after any already queued). */
    public synchronized FaultInjector next(Endpoint endpoint, int times, Fault fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Deque<Fault> queue = queued.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next call of the endpoint gets this fault. */
    public FaultInjector next(Endpoint endpoint, Fault fault) {
        return next(endpoint, 1, fault);
    }

    /** Every call of the endpoint waits this long before answering (on top of the configured latency). */
    public synchronized FaultInjector delayEveryCall(Endpoint endpoint, Duration delay) {
        delays.put(endpoint, Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /** Every card-limit call for this card gets this fault until {@link #clear()}. */
    public synchronized FaultInjector forCard(String cardId, Fault fault) {
        perCard.put(Objects.requireNonNull(cardId), Objects.requireNonNull(fault));
        return this;
    }

    /** Every balance call for this grant gets this fault until {@link #clear()}. */
    public synchronized FaultInjector forGrant(String grantId, Fault fault) {
        perGrant.put(Objects.requireNonNull(grantId), Objects.requireNonNull(fault));
        return this;
    }

    /** Equals pages hold at most this many rows whatever {@code limit} asked for (short pages). */
    public synchronized FaultInjector equalsMaxRowsPerPage(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        equalsMaxRowsPerPage = rows;
        return this;
    }

    /** Equals reports {@code count} this much higher than the rows that exist, so the listing ends on an empty page. */
    public synchronized FaultInjector equalsCountInflation(int extra) {
        equalsCountInflation = extra;
        return this;
    }

    /** The Equals page starting at this offset comes back empty (the true count is still reported). */
    public synchronized FaultInjector equalsEmptyPageAtOffset(int offset) {
        equalsEmptyPageAtOffset = offset;
        return this;
    }

    /** Removes every fault, delay and paging switch. */
    public synchronized void clear() {
        queued.clear();
        delays.clear();
        perCard.clear();
        perGrant.clear();
        equalsMaxRowsPerPage = Integer.MAX_VALUE;
        equalsCountInflation = 0;
        equalsEmptyPageAtOffset = null;
    }

    synchronized Fault take(Endpoint endpoint, String accountId) {
        Deque<Fault> queue = queued.get(endpoint);
        if (queue != null && !queue.isEmpty()) {
            return queue.removeFirst();
        }
        if (accountId != null && endpoint == Endpoint.AHRVO_CARD_LIMITS) {
            return perCard.get(accountId);
        }
        if (accountId != null && endpoint == Endpoint.GRANTEX_BALANCE) {
            return perGrant.get(accountId);
        }
        return null;
    }

    synchronized Duration delayFor(Endpoint endpoint) {
        return delays.getOrDefault(endpoint, Duration.ZERO);
    }

    synchronized int equalsMaxRowsPerPage() {
        return equalsMaxRowsPerPage;
    }

    synchronized int equalsCountInflation() {
        return equalsCountInflation;
    }

    synchronized Integer equalsEmptyPageAtOffset() {
        return equalsEmptyPageAtOffset;
    }
}
