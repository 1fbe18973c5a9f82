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
 * <p>With {@code --least-heap} it finds instead, for each size, the smallest {@code -Xmx} (to 8 MB, Serial GC) with
 * which both polls are recorded {@code ok} without an OutOfMemoryError: the heap each size needs.
 *
 * <p>Arguments: listing sizes (default {@code 0 10000 50000 100000}); {@code --heap=-Xmx160m,-XX:+UseSerialGC}
 * replaces the heap flags; {@code --least-heap}.
 */
public final class ListingHeapBenchmark {

    private ListingHeapBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> heap = ListingPollRun.README_HEAP;
        List<Integer> sizes = new ArrayList<>();
        boolean leastHeap = false;
        for (String arg : args) {
            if (arg.equals("--least-heap")) {
                leastHeap = true;
            } else if (arg.startsWith("--heap=")) {
                heap = Arrays.asList(arg.substring("--heap=".length()).split(","));
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(0, 10_000, 50_000, 100_000);
        }
        if (leastHeap) {
            leastHeap(sizes);
            return;
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

    /** Bisects -Xmx between 40 and 192 MB for each size, printing every trial and then one row per size. */
    private static void leastHeap(List<Integer> sizes) throws Exception {
        List<String> rows = new ArrayList<>();
        Integer emptyNeeds = null;
        for (int size : sizes) {
            int fails = 40; // MB known to fail (assumed)
            int passes = 192; // MB assumed to pass; checked below
            if (!recorded(size, passes)) {
                rows.add(String.format("| %,d | more than %d MB | — |", size, passes));
                continue;
            }
            while (passes - fails > 8) {
                int middle = (fails + passes) / 2;
                if (recorded(size, middle)) {
                    passes = middle;
                } else {
                    fails = middle;
                }
            }
            if (size == 0) {
                emptyNeeds = passes;
            }
            String per = emptyNeeds == null || size == 0
                    ? "—"
                    : String.format("%.1f MB", (passes - emptyNeeds) * 10_000.0 / size);
            String below = fails == 40 ? "the lowest tried" : fails + " MB did not do";
            rows.add(String.format("| %,d | %d MB (%s) | %s |", size, passes, below, per));
        }
        System.out.println("| budgets | least -Xmx for two polls recorded ok | per 10,000 over the empty listing |");
        System.out.println("|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static boolean recorded(int size, int heapMb) throws Exception {
        ListingPollRun.Result r = ListingPollRun.run(
                size, 2, List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC"), Duration.ofSeconds(150));
        boolean ok = !r.outOfMemory() && r.outcomes().equals(List.of("ok", "ok"));
        System.out.printf("trial %,d budgets at -Xmx%dm: %s %s%n", size, heapMb, ok ? "recorded" : "NOT recorded", r);
        return ok;
    }
}
