package com.balancehistory.bootstrap.heap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Peak heap per 10,000 accounts polled: the service (its own JVM, the README's heap flags unless others are given)
 * polls one Ahrvo source twice for each listing size, and its GC log gives the heap in use just before each collection
 * (the peak), just after (the live data), and after a full collection once both polls are recorded (what stays).
 * The per-10,000 figures are over the run with an empty listing. Not a test: docs/benchmarks.md has the figures and
 * the command.
 *
 * <p>Arguments: listing sizes (default {@code 0 10000 50000 100000}); {@code --heap=-Xmx160m,-XX:+UseSerialGC}
 * replaces the heap flags.
 */
public final class ListingHeapBenchmark {

    private ListingHeapBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> heap = ListingPollRun.README_HEAP;
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--heap=")) {
                heap = Arrays.asList(arg.substring("--heap=".length()).split(","));
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(0, 10_000, 50_000, 100_000);
        }
        List<ListingPollRun.Result> results = new ArrayList<>();
        for (int size : sizes) {
            ListingPollRun.Result result = ListingPollRun.run(size, 2, heap, Duration.ofMinutes(3));
            System.out.println(result);
            results.add(result);
        }
        ListingPollRun.Result empty =
                results.stream().filter(r -> r.budgets() == 0).findFirst().orElse(null);
        System.out.println("heap flags " + heap);
        System.out.println("| budgets | body | polls | peak in use | peak live | after both polls, full GC |"
                + " peak live per 10,000 over the empty listing | what stays per 10,000 |");
        System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|");
        for (ListingPollRun.Result r : results) {
            String perLive = empty == null || r.budgets() == 0
                    ? "—"
                    : String.format(
                            "%.1f MB",
                            (r.peakAfterCollectionMb() - empty.peakAfterCollectionMb()) * 10_000.0 / r.budgets());
            String perKept = empty == null || r.budgets() == 0
                    ? "—"
                    : String.format("%.1f MB", (r.retainedMb() - empty.retainedMb()) * 10_000.0 / r.budgets());
            System.out.printf(
                    "| %,d | %.1f MB | %s%s | %d MB | %d MB | %d MB | %s | %s |%n",
                    r.budgets(),
                    r.bodyBytes() / 1e6,
                    String.join(", ", r.outcomes()),
                    r.outOfMemory() ? " (OutOfMemoryError)" : "",
                    r.peakUsedMb(),
                    r.peakAfterCollectionMb(),
                    r.retainedMb(),
                    perLive,
                    perKept);
        }
    }
}
