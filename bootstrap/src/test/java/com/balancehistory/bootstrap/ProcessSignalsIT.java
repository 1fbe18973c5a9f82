package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.RecordedRequest;
import com.balancehistory.simulator.SimulatorSettings;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real signals to a real process: the service runs as its own JVM (this test's class path, the production main class)
 * against a provider on loopback that answers in 3 s. SIGTERM during the slow poll lets the poll's source transaction
 * commit and the run close before the JVM exits; kill -9 leaves the run open, and the next start closes it as
 * {@code interrupted}, in analytics.poll_runs and the API.
 */
class ProcessSignalsIT {

    private static final Duration LATENCY = Duration.ofSeconds(3);
    /** micronaut.lifecycle.graceful-shutdown.grace-period given to the process. */
    private static final Duration GRACE = Duration.ofSeconds(20);
    /**
     * How long a start may take to open its first poll run or answer: a JVM of its own, which a machine busy with
     * other builds starts slowly.
     */
    private static final Duration STARTING = Duration.ofSeconds(90);
    /** The JVM's exit status after an orderly shutdown on SIGTERM (128 + 15); kill -9 gives 137. */
    private static final int EXIT_ON_SIGTERM = 143;

    private final String source = "signal-" + UUID.randomUUID().toString().substring(0, 8);
    private final String adminKey = "admin-" + UUID.randomUUID();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void sigterm_during_a_slow_poll_commits_the_polls_transaction_and_the_process_exits_within_the_grace_period()
            throws Exception {
        try (ProviderSimulator slow =
                ProviderSimulator.start(SimulatorSettings.defaults().withPort(0).withLatency(LATENCY))) {
            Process service = start(slow, freePort(), "1m");
            long pollId = waitForOpenRun(service, STARTING);
            Instant answered = waitForProviderCall(slow, service).plus(LATENCY);

            Instant signalled = Instant.now();
            service.destroy(); // SIGTERM on Linux
            assertThat(signalled)
                    .as("signalled while the provider was still answering")
                    .isBefore(answered);
            assertThat(service.waitFor(GRACE.toSeconds() + 5, TimeUnit.SECONDS))
                    .as("exited within the grace period")
                    .isTrue();
            Instant exited = Instant.now();

            assertThat(service.exitValue()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(exited)
                    .as("waited for the poll: exited after the provider answered")
                    .isAfter(answered);
            List<String> run = query(
                    "SELECT r.finished_at IS NOT NULL AND NOT r.interrupted, s.outcome,"
                            + " (SELECT count(*) FROM balance_snapshot b WHERE b.poll_id = r.id)"
                            + " FROM poll_run r JOIN poll_source_result s ON s.poll_id = r.id WHERE r.id = ?",
                    pollId);
            assertThat(run).as("the source's result is recorded").hasSize(3);
            assertThat(run.get(0)).as("run closed, not interrupted").isEqualTo("t");
            assertThat(run.get(1)).isEqualTo("ok");
            assertThat(Long.parseLong(run.get(2)))
                    .as("snapshot rows of the poll")
                    .isPositive();
        }
    }

    @Test
    void a_run_left_open_by_kill_minus_9_is_marked_interrupted_by_the_next_start() throws Exception {
        try (ProviderSimulator slow =
                ProviderSimulator.start(SimulatorSettings.defaults().withPort(0).withLatency(LATENCY))) {
            Process killed = start(slow, freePort(), "1s");
            long pollId = waitForOpenRun(killed, STARTING);
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(query("SELECT finished_at IS NULL FROM poll_run WHERE id = ?", pollId))
                    .containsExactly("t");

            int port = freePort();
            Process next = start(slow, port, "1s");
            String poll = waitForApi(next, port, "api/v1/polls/" + pollId, STARTING);
            assertThat(poll).contains("\"interrupted\":true");
            assertThat(query("SELECT outcome FROM analytics.poll_runs WHERE poll_id = ?", pollId))
                    .containsExactly("interrupted");
            next.destroy();
            assertThat(next.waitFor(GRACE.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The service's own JVM: the production main class on this test's class path, configured by system properties. */
    private Process start(ProviderSimulator provider, int port, String interruptedAfter) throws IOException {
        TestDatabase db = TestDatabase.get();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.user());
        p.put("datasources.default.password", db.password());
        p.put("micronaut.server.port", String.valueOf(port));
        p.put("micronaut.lifecycle.graceful-shutdown.grace-period", GRACE.toSeconds() + "s");
        p.put("balance-history.scheduler.tick", "1s");
        p.put("balance-history.polls.interrupted-after", interruptedAfter);
        p.put("balance-history.instance-id", source);
        p.putAll(TestProperties.none().apiKey("admin", "admin", adminKey).asMap());
        p.put("balance-history.sources." + source + ".provider", "holyheld");
        p.put("balance-history.sources." + source + ".base-url", provider.baseUrl());
        p.put(
                "balance-history.sources." + source + ".token",
                provider.credentials().holyheldToken());
        p.put("balance-history.sources." + source + ".interval", "1h"); // polled once, at first sight
        p.put("balance-history.sources." + source + ".read-timeout", "20s");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        p.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path")));
        command.add(Application.class.getName());
        File log = Files.createTempFile("service-" + source + "-", ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        started.add(process);
        System.out.println("service process " + process.pid() + " logs to " + log);
        return process;
    }

    /** The id of the source's poll run once one is open (its provider call under way). */
    private long waitForOpenRun(Process service, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service process is running").isTrue();
            List<String> open =
                    query("SELECT max(id) FROM poll_run WHERE requested_source = ? AND finished_at IS NULL", source);
            if (open.get(0) != null) {
                return Long.parseLong(open.get(0));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no poll of " + source + " started within " + timeout);
    }

    /**
     * When the provider received the service's call, waiting for it: a run opens before its source is fetched, and a
     * busy machine may take a while between the two.
     */
    private static Instant waitForProviderCall(ProviderSimulator provider, Process service) throws Exception {
        long deadline = System.nanoTime() + STARTING.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service process is running").isTrue();
            List<RecordedRequest> calls = provider.requests().of(Endpoint.HOLYHELD_BALANCE);
            if (!calls.isEmpty()) {
                return calls.get(0).receivedAt();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the provider was not called within " + STARTING);
    }

    private String waitForApi(Process service, int port, String path, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service process is running").isTrue();
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                                .header("Authorization", "Bearer " + adminKey)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notListeningYet) {
                // the process is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answer from " + path + " within " + timeout);
    }

    /** The first row's columns as text ("t"/"f" for booleans). */
    private static List<String> query(String sql, Object parameter) throws SQLException {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            ResultSet rows = statement.executeQuery();
            List<String> values = new ArrayList<>();
            if (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    values.add(value instanceof Boolean b ? (b ? "t" : "f") : value == null ? null : value.toString());
                }
            }
            return values;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
