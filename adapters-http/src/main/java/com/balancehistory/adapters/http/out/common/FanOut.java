package com.balancehistory.adapters.http.out.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs one task per item on at most {@code parallelism} threads and returns the results in item order. */
public final class FanOut {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private FanOut() {}

    /** The task must not throw for expected trouble; it returns its failure as data. */
    public static <T, R> List<R> run(String name, List<T> items, int parallelism, Function<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (parallelism <= 1 || items.size() == 1) {
            List<R> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(task.apply(item)));
            return out;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(executor.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            executor.shutdownNow();
        }
    }
}
