package com.balancehistory.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request the simulator received, in arrival order, plus load statistics per endpoint: the highest number of
 * requests in flight at once and request counts per second (both as a sliding one-second window and per calendar
 * second), so a benchmark can show that a client stayed within its concurrency and rate limits.
 */
public final class RequestLog {

    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final Map<Endpoint, Stats> stats = new EnumMap<>(Endpoint.class);
    private final Stats all = new Stats();

    RequestLog() {
        for (Endpoint endpoint : Endpoint.values()) {
            stats.put(endpoint, new Stats());
        }
    }

    /** All recorded requests, oldest first. */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The recorded requests of one endpoint, oldest first. */
    public List<RecordedRequest> of(Endpoint endpoint) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.endpoint() == endpoint) {
                out.add(request);
            }
        }
        return out;
    }

    public int count(Endpoint endpoint) {
        return of(endpoint).size();
    }

    /**
     * The most requests of this endpoint that were being answered at the same moment, each counted from its arrival
     * until its answer is ready to send (latency and injected delays included).
     */
    public int maxInFlight(Endpoint endpoint) {
        return stats.get(endpoint).maxInFlight.get();
    }

    /** The most requests (any endpoint) that were being answered at the same moment. */
    public int maxInFlight() {
        return all.maxInFlight.get();
    }

    /** The most requests of this endpoint that arrived within any one-second window. */
    public int maxPerSecond(Endpoint endpoint) {
        return stats.get(endpoint).maxInWindow(1_000_000_000L);
    }

    /** Requests of this endpoint per calendar second since the first one (index 0 = the first second). */
    public List<Integer> perSecond(Endpoint endpoint) {
        return stats.get(endpoint).perSecond();
    }

    /** Forgets recorded requests and statistics. */
    public void clear() {
        requests.clear();
        stats.values().forEach(Stats::reset);
        all.reset();
    }

    void record(RecordedRequest request) {
        requests.add(request);
    }

    void started(Endpoint endpoint) {
        all.started(System.nanoTime());
        if (endpoint != null) {
            stats.get(endpoint).started(System.nanoTime());
        }
    }

    void finished(Endpoint endpoint) {
        all.inFlight.decrementAndGet();
        if (endpoint != null) {
            stats.get(endpoint).inFlight.decrementAndGet();
        }
    }

    private static final class Stats {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> wallArrivals = new ConcurrentLinkedQueue<>();

        void started(long nanos) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            arrivals.add(nanos);
            wallArrivals.add(System.currentTimeMillis());
        }

        int maxInWindow(long windowNanos) {
            long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
            int best = 0;
            int start = 0;
            for (int end = 0; end < times.length; end++) {
                while (times[end] - times[start] >= windowNanos) {
                    start++;
                }
                best = Math.max(best, end - start + 1);
            }
            return best;
        }

        List<Integer> perSecond() {
            TreeMap<Long, Integer> counts = new TreeMap<>();
            for (long millis : wallArrivals) {
                counts.merge(millis / 1000, 1, Integer::sum);
            }
            List<Integer> out = new ArrayList<>();
            if (counts.isEmpty()) {
                return out;
            }
            for (long second = counts.firstKey(); second <= counts.lastKey(); second++) {
                out.add(counts.getOrDefault(second, 0));
            }
            return out;
        }

        void reset() {
            maxInFlight.set(inFlight.get());
            arrivals.clear();
            wallArrivals.clear();
        }
    }
}
