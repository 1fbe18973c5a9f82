package com.balancehistory.bootstrap.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.bootstrap.ServiceContexts;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.dashboard.SeededPolls;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Readers that open exports and then read nothing (the finding: twelve of them held every pooled connection
 * "idle in transaction", and polls, /balances and /health stopped). Exports are bounded in number and in how long one
 * may hold a connection unread; recording, the scheduler and the short reads keep their connections.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowExportReadersIT extends ServiceTestSupport {

    static final String READER_KEY = "slow-readers-key-" + UUID.randomUUID();
    static final String BULK = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    static final String HEALTHY = "healthy-" + UUID.randomUUID().toString().substring(0, 8);
    /** Enough rows (about 7 MB of CSV) that an unread export cannot drain into socket and server buffers. */
    static final int ACCOUNTS = 40_000;

    static final int MAX_EXPORTS = 3;
    /** Long enough that the exports still stall after the polls watched (see STALLED_WATCH). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration TICK = Duration.ofMillis(500);
    /** Thread start and claim transaction on a loaded 2-vCPU machine, as in SourceIsolationIT. */
    static final Duration SCHEDULING_SLACK = Duration.ofMillis(300);
    /**
     * How long the polls are watched while the exports stall: two whole periods (interval plus tick) and a margin, so
     * at least two polls start in it wherever the first one falls (a shorter watch saw one poll on a loaded machine).
     */
    static final Duration STALLED_WATCH =
            INTERVAL.plus(TICK).multipliedBy(2).plus(SCHEDULING_SLACK).plusMillis(700);

    static final ProviderSimulator SIMULATOR = ProviderSimulator.start();
    /** A database of its own: the seeded accounts would crowd every other test's lists and reports. */
    static final TestDatabase OWN_DATABASE = TestDatabase.get().sibling();

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Map<String, String> moreProperties() {
        return Map.ofEntries(
                Map.entry("datasources.default.url", OWN_DATABASE.jdbcUrl()),
                Map.entry("datasources.default.username", OWN_DATABASE.user()),
                Map.entry("datasources.default.password", OWN_DATABASE.password()),
                Map.entry("balance-history.api.keys[0].name", "reader"),
                Map.entry("balance-history.api.keys[0].role", "reader"),
                Map.entry("balance-history.api.keys[0].key", READER_KEY),
                Map.entry("balance-history.api.exports.max-concurrent", String.valueOf(MAX_EXPORTS)),
                Map.entry("balance-history.api.exports.idle-timeout", IDLE_TIMEOUT.toMillis() + "ms"),
                Map.entry("balance-history.api.exports.max-duration", "2m"),
                Map.entry("balance-history.scheduler.tick", TICK.toMillis() + "ms"),
                Map.entry("balance-history.sources." + HEALTHY + ".provider", "holyheld"),
                Map.entry("balance-history.sources." + HEALTHY + ".base-url", SIMULATOR.baseUrl()),
                Map.entry("balance-history.sources." + HEALTHY + ".token", SimulatorCredentials.HOLYHELD_TOKEN),
                Map.entry("balance-history.sources." + HEALTHY + ".interval", INTERVAL.toMillis() + "ms"));
    }

    @BeforeAll
    void seedManyAccounts() {
        Currency usd = Currency.getInstance("USD");
        List<BalanceObservation> balances = new ArrayList<>(ACCOUNTS);
        for (int i = 0; i < ACCOUNTS; i++) {
            Account account = Account.of(
                    BULK,
                    ProviderType.AHRVO,
                    AccountKind.BUDGET,
                    "ci" + (202600000000000000L + i),
                    "Department budget " + i + " of the slow export readers test",
                    usd);
            balances.add(BalanceObservation.of(account, Balances.available(Money.parse(i + ".25", usd))));
        }
        new SeededPolls(dsl).answered(BULK, Instant.now().minusSeconds(60), balances);
    }

    @AfterAll
    void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void readers_that_stop_reading_take_at_most_the_export_bound_and_polls_stay_on_schedule() throws Exception {
        List<Socket> readers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        try {
            Instant from = Instant.now();
            for (int i = 0; i < 2 * MAX_EXPORTS; i++) {
                Socket reader = unreadExport();
                readers.add(reader);
                Map<String, String> head = readHead(reader.getInputStream());
                statuses.add(Integer.parseInt(head.get(":status")));
                if (head.containsKey("retry-after")) {
                    retryAfter.add(head.get("retry-after"));
                }
            }
            assertThat(statuses)
                    .as("the first %d exports stream, the others are refused for now", MAX_EXPORTS)
                    .containsExactly(200, 200, 200, 429, 429, 429);
            assertThat(retryAfter)
                    .hasSize(MAX_EXPORTS)
                    .allSatisfy(value -> assertThat(Integer.parseInt(value)).isBetween(1, 60));

            // while the readers sit on their exports, the short reads answer and the scheduler keeps its interval
            while (Duration.between(from, Instant.now()).compareTo(STALLED_WATCH) < 0) {
                assertQuick("/api/v1/balances?source=" + HEALTHY);
                assertQuick("/health");
                Thread.sleep(300);
            }
            assertThat(exportConnectionsIdleInTransaction())
                    .as("connections the stalled exports hold")
                    .isBetween(1, MAX_EXPORTS);
            List<OffsetDateTime> starts = dsl.fetch(
                            "SELECT started_at FROM poll_source_result WHERE source = ? AND outcome = 'ok'"
                                    + " AND started_at >= ?::timestamptz ORDER BY started_at",
                            HEALTHY,
                            from.toString())
                    .getValues(0, OffsetDateTime.class);
            assertThat(starts)
                    .as("polls of the healthy source started in the %s the exports stalled", STALLED_WATCH)
                    .hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
                        .as("gap between the healthy source's polls while exports stall")
                        .isLessThanOrEqualTo(INTERVAL.plus(TICK).plus(SCHEDULING_SLACK));
            }

            // past the idle timeout the stalled exports are aborted and give their connections back
            long deadline = System.nanoTime() + IDLE_TIMEOUT.plusSeconds(10).toNanos();
            while (exportConnectionsIdleInTransaction() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(exportConnectionsIdleInTransaction())
                    .as("connections still held after the idle timeout")
                    .isZero();
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
        }

        // a reader that reads gets the whole export again
        HttpResponse<java.util.stream.Stream<String>> whole = http.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/export/balances?format=csv"))
                        .header("Authorization", "Bearer " + READER_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body().filter(line -> line.contains(BULK)).count()).isEqualTo(ACCOUNTS);
    }

    @Test
    void an_export_bound_as_large_as_the_pool_refuses_start_naming_both_keys() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("balance-history.api.exports.max-concurrent", "10");
        properties.put("datasources.default.maximum-pool-size", "10");
        properties.put("balance-history.sources." + HEALTHY + ".interval", "1h");
        assertThatThrownBy(() -> ServiceContexts.runServer(properties).close())
                .hasStackTraceContaining("balance-history.api.exports.max-concurrent (10) must be smaller than "
                        + "datasources.default.maximum-pool-size (10)");
    }

    /** Sends the request for a big export on a socket with a tiny receive window, and never reads the body. */
    private Socket unreadExport() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048);
        socket.connect(new java.net.InetSocketAddress(
                server.getURL().getHost(), server.getURL().getPort()));
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/export/balances?format=csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + READER_KEY + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line and headers (lower-case names), read byte by byte so no body byte is taken. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Map<String, String> fields = new HashMap<>();
        BufferedReader lines = new BufferedReader(new java.io.StringReader(head.toString()));
        String status = lines.readLine();
        fields.put(":status", status.split(" ")[1]);
        for (String line = lines.readLine(); line != null && !line.isEmpty(); line = lines.readLine()) {
            int colon = line.indexOf(':');
            fields.put(
                    line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        return fields;
    }

    private void assertQuick(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Authorization", "Bearer " + READER_KEY)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(took).as(path + " while exports stall").isLessThan(Duration.ofSeconds(2));
    }

    /** Connections of this database that sit in an open transaction on the balances export's cursor query. */
    private int exportConnectionsIdleInTransaction() {
        return dsl.fetchOne("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
                        + " AND query ILIKE '%latest_balance%' AND query ILIKE '%order by%'"
                        // a stalled export's transaction is seconds old; a poll's recording takes milliseconds
                        + " AND xact_start < now() - interval '1 second'")
                .get(0, Integer.class);
    }
}
