package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.application.model.query.RowCursor;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What streamed exports may take from the database: an export holds a pooled connection (a cursor in a transaction)
 * for as long as its client reads, so slow readers could otherwise take every connection and stop recording. At most
 * {@code maxConcurrent} exports stream at once (beyond that, 429 with Retry-After), and an export whose client reads
 * nothing for {@code idleTimeout}, or that runs longer than {@code maxDuration}, is aborted and its connection given
 * back. The bound must stay below the pool size, so recording, scheduling and the short API reads always find one.
 */
public final class ExportGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExportGate.class);

    /** The configured limits; checked here so that a bad value names its key. */
    public record Limits(int maxConcurrent, Duration idleTimeout, Duration maxDuration) {
        public static final String PREFIX = "balance-history.api.exports";

        public Limits {
            Objects.requireNonNull(idleTimeout, PREFIX + ".idle-timeout");
            Objects.requireNonNull(maxDuration, PREFIX + ".max-duration");
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException(PREFIX + ".max-concurrent must be at least 1, got " + maxConcurrent);
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException(PREFIX + ".idle-timeout must be positive, got " + idleTimeout);
            }
            if (maxDuration.compareTo(idleTimeout) < 0) {
                throw new IllegalArgumentException(PREFIX + ".max-duration (" + maxDuration
                        + ") must not be shorter than " + PREFIX + ".idle-timeout (" + idleTimeout + ")");
            }
        }

        /** Four exports at once, 30 s without a read, 10 minutes in all. */
        public static Limits defaults() {
            return new Limits(4, Duration.ofSeconds(30), Duration.ofMinutes(10));
        }
    }

    private record Open(CursorInputStream<?> stream, long startedNanos) {}

    private final Limits limits;
    private final Semaphore permits;
    private final Set<Open> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    public ExportGate(Limits limits) {
        this.limits = limits;
        this.permits = new Semaphore(limits.maxConcurrent());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "export-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long tickMillis = Math.max(50, Math.min(1_000, limits.idleTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::abortStalled, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    public Limits limits() {
        return limits;
    }

    /** Exports streaming now. */
    public int active() {
        return limits.maxConcurrent() - permits.availablePermits();
    }

    /**
     * The bytes of a cursor opened only once a permit is held; the permit is given back when the stream is closed
     * (at its end, when the client goes away, or when the watchdog aborts it).
     *
     * @throws ApiProblem 429 when {@code maxConcurrent} exports stream already
     */
    <T> InputStream stream(
            Supplier<RowCursor<T>> openCursor,
            Function<T, byte[]> encoder,
            byte[] header,
            byte[] separator,
            byte[] footer) {
        if (!permits.tryAcquire()) {
            Duration retryAfter = Duration.ofSeconds(
                    Math.max(1, Math.min(60, limits.idleTimeout().toSeconds())));
            throw ApiProblem.tooManyRequests(
                    limits.maxConcurrent() + " exports are streaming already, the most this instance runs at once;"
                            + " try again in " + retryAfter.toSeconds() + " s",
                    retryAfter);
        }
        RowCursor<T> cursor;
        try {
            cursor = openCursor.get();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        CursorInputStream<T> stream = new CursorInputStream<>(cursor, encoder, header, separator, footer);
        Open entry = new Open(stream, System.nanoTime());
        open.add(entry);
        stream.onClose(() -> {
            if (open.remove(entry)) {
                permits.release();
            }
        });
        return stream;
    }

    private void abortStalled() {
        long now = System.nanoTime();
        for (Open entry : open) {
            long idle = now - entry.stream().lastReadNanos();
            long age = now - entry.startedNanos();
            try {
                if (idle > limits.idleTimeout().toNanos()) {
                    LOG.info(
                            "export aborted: its client read nothing for {}, its database connection is given back",
                            limits.idleTimeout());
                    entry.stream().abort("the client read nothing for " + limits.idleTimeout());
                } else if (age > limits.maxDuration().toNanos()) {
                    LOG.info("export aborted: it streamed for longer than {}", limits.maxDuration());
                    entry.stream().abort("it streamed for longer than " + limits.maxDuration());
                }
            } catch (RuntimeException e) {
                LOG.warn("could not abort a stalled export: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
