package com.balancehistory.bootstrap.heap;

import com.balancehistory.bootstrap.Application;
import com.balancehistory.db.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as its own JVM with the README's heap flags ({@code -Xmx160m -XX:+UseSerialGC}, the production main
 * class on the test class path) polling one Ahrvo source whose listing holds {@code budgets} budgets, served on
 * loopback. It waits until {@code polls} polls of the source are recorded, asks for a full collection to see what
 * stays (and a class histogram of it), stops the service and reads its GC log: the heap just before each collection (the peak in use) and just after
 * (the live data then).
 */
final class ListingPollRun {

    /** The README's command's heap flags. */
    static final List<String> README_HEAP = List.of("-Xmx160m", "-XX:+UseSerialGC");

    /**
     * A database of its own: the 100,000 accounts a run records would otherwise sit in the shared test database, and
     * every later test that reads all accounts (the dashboard's overview, reports, alerts) would read them too.
     */
    private static final class OwnDatabase {
        static final TestDatabase DATABASE = TestDatabase.get().sibling();
    }

    private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full) \\((.*)\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** What one run recorded and used. */
    record Result(
            int budgets,
            int bodyBytes,
            List<String> outcomes,
            List<Integer> accountsSeen,
            boolean outOfMemory,
            int peakUsedMb,
            int peakAfterCollectionMb,
            int retainedMb,
            int collections,
            Duration firstPoll,
            Path log,
            Path histogram) {}

    private ListingPollRun() {}

    static Result run(int budgets, int polls, List<String> heapFlags, Duration timeout) throws Exception {
        String source = "heap-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Files.createTempFile("service-" + source + "-", ".log");
        Path gcLog = Files.createTempFile("gc-" + source + "-", ".log");
        Path histogram = Files.createTempFile("histogram-" + source + "-", ".txt");
        try (FakeAhrvoListing ahrvo = new FakeAhrvoListing(budgets)) {
            Process service = start(source, ahrvo, budgets, heapFlags, gcLog, log);
            long started = System.nanoTime();
            Duration firstPoll = null;
            List<String> outcomes = List.of();
            List<Integer> seen = List.of();
            try {
                long deadline = started + timeout.toNanos();
                while (System.nanoTime() < deadline && service.isAlive() && !outOfMemory(log)) {
                    outcomes = new ArrayList<>();
                    seen = new ArrayList<>();
                    recorded(source, outcomes, seen);
                    if (firstPoll == null && !outcomes.isEmpty()) {
                        firstPoll = Duration.ofNanos(System.nanoTime() - started);
                    }
                    if (outcomes.size() >= polls) {
                        break;
                    }
                    Thread.sleep(200);
                }
                if (service.isAlive()) {
                    jcmd(service, ProcessBuilder.Redirect.DISCARD, "GC.run");
                    jcmd(service, ProcessBuilder.Redirect.to(histogram.toFile()), "GC.class_histogram");
                }
            } finally {
                service.destroy();
                if (!service.waitFor(40, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            int peakUsed = 0;
            int peakAfter = 0;
            int retained = -1;
            int collections = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher pause = PAUSE.matcher(line);
                if (!pause.find()) {
                    continue;
                }
                collections++;
                int before = Integer.parseInt(pause.group(3));
                int after = Integer.parseInt(pause.group(4));
                if (pause.group(2).equals("Diagnostic Command")) {
                    retained = after; // the collection asked for once the polls were recorded
                    peakUsed = Math.max(peakUsed, before);
                    continue;
                }
                peakUsed = Math.max(peakUsed, before);
                peakAfter = Math.max(peakAfter, after);
            }
            return new Result(
                    budgets,
                    ahrvo.bodyBytes(),
                    outcomes,
                    seen,
                    outOfMemory(log),
                    peakUsed,
                    peakAfter,
                    retained,
                    collections,
                    firstPoll,
                    log,
                    histogram);
        }
    }

    private static Process start(
            String source, FakeAhrvoListing ahrvo, int budgets, List<String> heapFlags, Path gcLog, Path log)
            throws IOException {
        TestDatabase db = OwnDatabase.DATABASE;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.user());
        p.put("datasources.default.password", db.password());
        p.put("micronaut.server.port", String.valueOf(freePort()));
        p.put("balance-history.scheduler.tick", "1s");
        p.put("balance-history.instance-id", source);
        String prefix = "balance-history.sources." + source + ".";
        p.put(prefix + "provider", "ahrvo");
        p.put(prefix + "base-url", ahrvo.baseUrl());
        p.put(prefix + "access-token", FakeAhrvoListing.ACCESS_TOKEN);
        p.put(prefix + "api-key", FakeAhrvoListing.API_KEY);
        p.put(prefix + "interval", "15s");
        p.put(prefix + "read-timeout", "60s");
        p.put(prefix + "max-accounts", String.valueOf(Math.max(1, budgets)));
        p.put(prefix + "max-response-bytes", String.valueOf(Math.max(ahrvo.bodyBytes(), 1024)));
        List<String> command = new ArrayList<>();
        command.add(jdkTool("java"));
        command.addAll(heapFlags);
        command.add("-Xlog:gc:file=" + gcLog);
        p.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path")));
        command.add(Application.class.getName());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        System.out.println("service process " + process.pid() + " logs to " + log + ", GC log " + gcLog);
        return process;
    }

    /** The source's recorded polls in order: outcome and accounts seen. */
    private static void recorded(String source, List<String> outcomes, List<Integer> seen) throws SQLException {
        try (Connection connection = OwnDatabase.DATABASE.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT outcome, accounts_seen FROM poll_source_result WHERE source = ? ORDER BY poll_id")) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                    seen.add(rows.getInt(2));
                }
            }
        }
    }

    private static boolean outOfMemory(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("OutOfMemoryError");
    }

    private static void jcmd(Process service, ProcessBuilder.Redirect output, String command) throws Exception {
        new ProcessBuilder(jdkTool("jcmd"), Long.toString(service.pid()), command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start()
                .waitFor(30, TimeUnit.SECONDS);
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
