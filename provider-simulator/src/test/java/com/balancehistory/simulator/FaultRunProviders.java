package com.balancehistory.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The providers of the fault run (docs/bench/fault-run.sh): 30 faulty sources beside 4 healthy ones, all on loopback.
 * The healthy four are one clock-driven {@link ProviderSimulator}; the faults that are a canned answer (a status, a
 * body, a header) are simulators with standing faults; those a canned answer cannot make (accept and never answer,
 * drip bytes, flood, page forever) are small servers of their own. Each faulty source has credentials of its own, so
 * a leak is traced to its source.
 *
 * <pre>
 * java -cp provider-simulator/target/classes:provider-simulator/target/test-classes \
 *     com.balancehistory.simulator.FaultRunProviders OUT_DIR [interval]
 * </pre>
 *
 * Writes {@code OUT_DIR/sources.yml} (the 34 sources, for {@code MICRONAUT_CONFIG_FILES}), {@code expected.tsv}
 * (source, fault, the outcomes that are right for it: a failing source is also {@code skipped} once its circuit
 * opens or while a poll of it still runs), {@code secrets.txt} (every credential, one a line) and, every
 * 5 s, {@code requests.tsv} (source, requests or connections received, connections still open), then runs until
 * killed.
 */
public final class FaultRunProviders {

    /** A standing fault is queued this many times: more calls than a run of hours makes. */
    private static final int ALWAYS = 100_000;

    private record Source(
            String name,
            String fault,
            String expected,
            Map<String, Object> settings,
            IntSupplier requests,
            IntSupplier open) {}

    private final String interval;
    private final List<Source> sources = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();

    private FaultRunProviders(String interval) {
        this.interval = interval;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        FaultRunProviders run = new FaultRunProviders(args.length > 1 ? args[1] : "10s");
        run.healthy();
        run.faulty();
        Files.createDirectories(out);
        Files.writeString(out.resolve("sources.yml"), run.yaml());
        Files.write(out.resolve("secrets.txt"), run.secrets);
        StringBuilder expected = new StringBuilder();
        for (Source source : run.sources) {
            expected.append(source.name)
                    .append('\t')
                    .append(source.fault)
                    .append('\t')
                    .append(source.expected)
                    .append('\n');
        }
        Files.writeString(out.resolve("expected.tsv"), expected);
        System.out.println("fault-run providers ready: " + run.sources.size() + " sources");
        while (true) {
            StringBuilder counts = new StringBuilder();
            for (Source source : run.sources) {
                counts.append(source.name)
                        .append('\t')
                        .append(source.requests.getAsInt())
                        .append('\t')
                        .append(source.open.getAsInt())
                        .append('\n');
            }
            Path next = out.resolve("requests.tsv.next");
            Files.writeString(next, counts);
            Files.move(next, out.resolve("requests.tsv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(5_000);
        }
    }

    // ---------------------------------------------------------------- the four healthy sources

    private void healthy() {
        ProviderSimulator simulator =
                ProviderSimulator.start(SimulatorSettings.defaults().withClock(Clock.systemUTC(), 60));
        servers.add(simulator);
        SimulatorCredentials c = simulator.credentials();
        String url = simulator.baseUrl();
        IntSupplier requests = () -> simulator.requests().all().size();
        add(
                "healthy-ahrvo",
                "healthy",
                "ok",
                settings(
                        "ahrvo",
                        url,
                        "api-key",
                        c.ahrvoApiKey(),
                        "access-token",
                        c.ahrvoAccessToken(),
                        "card-ids",
                        c.ahrvoCardIds()),
                requests);
        add(
                "healthy-equals",
                "healthy",
                "ok",
                settings("equals-money", url, "api-key", c.equalsApiKey(), "account-id", c.equalsAccountId()),
                requests);
        add(
                "healthy-grantex",
                "healthy",
                "ok",
                settings("grantex", url, "api-key", c.grantexApiKey(), "grant-ids", c.grantIds()),
                requests);
        add("healthy-holyheld", "healthy", "ok", settings("holyheld", url, "token", c.holyheldToken()), requests);
        secrets.addAll(
                List.of(c.ahrvoApiKey(), c.ahrvoAccessToken(), c.equalsApiKey(), c.grantexApiKey(), c.holyheldToken()));
    }

    // ---------------------------------------------------------------- the thirty faulty ones

    private void faulty() throws IOException {
        // accepts the connection and never answers
        for (String provider : List.of("ahrvo", "equals-money", "holyheld")) {
            RawServer server = raw(
                    socket -> {
                        readRequest(socket);
                        // holds the connection open: the client must give up by itself
                    },
                    false);
            addRaw("hang", provider, server, "failed,skipped");
        }
        // answers 200 and then one byte a second, forever
        for (String provider : List.of("ahrvo", "grantex", "holyheld")) {
            RawServer server = raw(
                    socket -> {
                        readRequest(socket);
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        byte[] body = "{\"code\":\"SUCCESS\",\"data\":[".getBytes(StandardCharsets.US_ASCII);
                        for (int i = 0; ; i++) {
                            out.write(i < body.length ? body[i] : ' ');
                            out.flush();
                            sleep(1_000);
                        }
                    },
                    true);
            addRaw("drip", provider, server, "failed,skipped");
        }
        // answers 200 with a body that never ends, about 32 MB a second
        for (String provider : List.of("ahrvo", "equals-money", "grantex")) {
            RawServer server = raw(
                    socket -> {
                        readRequest(socket);
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                                        + "{\"code\":\"SUCCESS\",\"data\":[")
                                .getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk =
                                "{\"budget_id\":\"flood\",\"budget_name\":\"flood\",\"balance\":\"1.00\",\"currency\":\"USD\"},"
                                        .repeat(400)
                                        .getBytes(StandardCharsets.US_ASCII);
                        while (true) {
                            out.write(chunk);
                            sleep(1);
                        }
                    },
                    true);
            addRaw("flood", provider, server, "failed,skipped");
        }
        // Equals paging that never ends: every page is full of budgets never seen before
        for (int i = 1; i <= 3; i++) {
            addEndlessPaging("page-forever-" + i);
        }
        // echoes the credentials it was sent, in every encoding a careless provider may use
        echoing(
                "ahrvo",
                Endpoint.AHRVO_BUDGETS,
                secret -> Fault.status(401)
                        .body("{\"code\":\"UNAUTHORIZED\",\"message\":\"" + echoes(secret, true) + "\"}"));
        echoing(
                "equals-money",
                Endpoint.EQUALS_BUDGETS,
                secret -> Fault.status(500).body("{\"message\":\"key " + echoes(secret, false) + " rejected\"}"));
        // the credential straddles the end of the 200 characters of a provider message that an error text keeps
        echoing(
                "grantex",
                Endpoint.GRANTEX_BALANCE,
                secret -> Fault.status(400).body("{\"error\":\"" + "x".repeat(190) + secret + "\"}"));
        // a JSON number that expands to a billion digits, beside valid accounts
        listing(
                "huge-exponent",
                "equals-money",
                equalsRow("b-ok", "USD", "100.50"),
                equalsRow("b-huge", "USD", "1e999999999"));
        listing(
                "huge-exponent",
                "equals-money",
                equalsRow("b-huge", "EUR", "-1E+999999999"),
                equalsRow("b-ok", "USD", "7"));
        partlySimulated(
                "huge-exponent",
                "grantex",
                "partial",
                (sim, secret) -> sim.faults()
                        .forGrant(
                                sim.credentials().grantIds().get(0),
                                Fault.status(200)
                                        .body("{\"id\":\"x\",\"grantId\":\""
                                                + sim.credentials().grantIds().get(0)
                                                + "\",\"initialBudget\":1e999999999,\"remainingBudget\":1e999999999,"
                                                + "\"currency\":\"USD\",\"createdAt\":\"2026-04-05T14:30:00.000Z\","
                                                + "\"updatedAt\":\"2026-04-05T14:30:00.000Z\"}")));
        // one malformed budget (three decimals in USD) in a listing of valid ones
        listing(
                "malformed-budget",
                "ahrvo",
                ahrvoBudget("b-ok", "USD", "\"10.00\""),
                ahrvoBudget("b-bad", "USD", "\"12.345\""));
        listing(
                "malformed-budget",
                "ahrvo",
                ahrvoBudget("b-bad", "EUR", "\"ten\""),
                ahrvoBudget("b-ok", "EUR", "\"3.50\""));
        listing(
                "malformed-budget",
                "equals-money",
                equalsRow("b-ok", "USD", "10"),
                equalsRow("b-bad", "USD", "12.345"));
        // one id twice in one answer
        listing(
                "duplicate-ids",
                "ahrvo",
                ahrvoBudget("b-twice", "USD", "\"10.00\""),
                ahrvoBudget("b-ok", "USD", "\"5.00\""),
                ahrvoBudget("b-twice", "USD", "\"20.00\""));
        listing(
                "duplicate-ids",
                "ahrvo",
                ahrvoBudget("b-twice", "USD", "\"10.00\""),
                ahrvoBudget("b-twice", "EUR", "\"20.00\""),
                ahrvoBudget("b-ok", "USD", "\"5.00\""));
        listing(
                "duplicate-ids",
                "equals-money",
                equalsRow("b-twice", "USD", "10"),
                equalsRow("b-ok", "USD", "5"),
                equalsRow("b-twice", "USD", "20"));
        // rate limited for an hour
        simulated(
                "retry-after-3600",
                "ahrvo",
                "rate_limited",
                always(
                        Endpoint.AHRVO_BUDGETS,
                        Fault.status(429).body("{\"code\":\"RATE_LIMITED\"}").retryAfter("3600")));
        simulated(
                "retry-after-3600",
                "holyheld",
                "rate_limited",
                always(
                        Endpoint.HOLYHELD_BALANCE,
                        Fault.status(429).body("{\"status\":\"error\"}").retryAfter("3600")));
        // a 200 that is an HTML page (a captive portal, a maintenance page)
        String html = "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>";
        simulated(
                "html-200",
                "grantex",
                "failed,skipped",
                always(Endpoint.GRANTEX_BALANCE, Fault.status(200).body(html).header("Content-Type", "text/html")));
        simulated(
                "html-200",
                "holyheld",
                "failed,skipped",
                always(Endpoint.HOLYHELD_BALANCE, Fault.status(200).body(html).header("Content-Type", "text/html")));
        // every call a 500
        simulated(
                "http-500",
                "ahrvo",
                "failed,skipped",
                always(Endpoint.AHRVO_BUDGETS, Fault.status(500).body("{\"code\":\"INTERNAL_ERROR\"}")));
        simulated(
                "http-500",
                "equals-money",
                "failed,skipped",
                always(Endpoint.EQUALS_BUDGETS, Fault.status(500).body("{\"message\":\"internal error\"}")));
    }

    // ---------------------------------------------------------------- canned answers, through the simulator

    private interface Setup {
        void apply(ProviderSimulator simulator, String secret);
    }

    /** The endpoint answers every call with the fault. */
    private static Setup always(Endpoint endpoint, Fault fault) {
        return (sim, secret) -> sim.faults().next(endpoint, ALWAYS, fault);
    }

    /**
     * A source whose provider echoes its credential: every call of {@code endpoint} is answered with what
     * {@code answer} makes of the source's own secret.
     */
    private void echoing(String provider, Endpoint endpoint, Function<String, Fault> answer) {
        simulated(
                "echo-secrets",
                provider,
                "failed,skipped",
                (sim, secret) -> sim.faults().next(endpoint, ALWAYS, answer.apply(secret)));
    }

    /** A source whose every listing is a 200 with these rows (Ahrvo budgets or Equals rows): a partial poll. */
    private void listing(String fault, String provider, String... rows) {
        String joined = String.join(",", rows);
        switch (provider) {
            case "ahrvo" ->
                simulated(
                        fault,
                        provider,
                        "partial",
                        always(Endpoint.AHRVO_BUDGETS, Fault.status(200).body(ahrvoListing(joined))));
            case "equals-money" ->
                simulated(
                        fault,
                        provider,
                        "partial",
                        always(Endpoint.EQUALS_BUDGETS, Fault.status(200).body(equalsPage(joined))));
            default -> throw new IllegalArgumentException(provider);
        }
    }

    private final Map<String, AtomicInteger> numbers = new LinkedHashMap<>();

    private String nextName(String fault) {
        return fault + "-"
                + numbers.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * A simulator answering every call of the source with a standing fault; the source's credential is a secret of
     * its own ({@code secret}).
     */
    private void simulated(String fault, String provider, String expected, Setup setup) {
        ProviderSimulator simulator =
                ProviderSimulator.start(SimulatorSettings.defaults().withThreads(8));
        servers.add(simulator);
        String name = nextName(fault);
        String secret = secret(name);
        setup.apply(simulator, secret);
        add(
                name,
                fault,
                expected,
                credentials(provider, simulator.baseUrl(), secret, simulator.credentials()),
                () -> simulator.requests().all().size());
    }

    /**
     * A simulator answering some calls with a standing fault and the others as itself: the source has the simulator's
     * credentials, so those others are accepted.
     */
    private void partlySimulated(String fault, String provider, String expected, Setup setup) {
        ProviderSimulator simulator =
                ProviderSimulator.start(SimulatorSettings.defaults().withThreads(8));
        servers.add(simulator);
        SimulatorCredentials c = simulator.credentials();
        setup.apply(simulator, null);
        Map<String, Object> settings = switch (provider) {
            case "grantex" ->
                settings(provider, simulator.baseUrl(), "api-key", c.grantexApiKey(), "grant-ids", c.grantIds());
            default -> throw new IllegalArgumentException(provider);
        };
        add(
                nextName(fault),
                fault,
                expected,
                settings,
                () -> simulator.requests().all().size());
    }

    private void addRaw(String fault, String provider, RawServer server, String expected) {
        String name = nextName(fault);
        Map<String, Object> settings = credentials(provider, server.baseUrl(), secret(name), null);
        sources.add(new Source(name, fault, expected, settings, server.accepted::get, server.open::get));
    }

    /** Settings for {@code provider} with {@code secret} as every credential; ids from {@code ids} when given. */
    private Map<String, Object> credentials(String provider, String url, String secret, SimulatorCredentials ids) {
        if (provider.equals("ahrvo")) {
            secrets.add(secret + "k");
        }
        return switch (provider) {
            case "ahrvo" -> settings(provider, url, "api-key", secret + "k", "access-token", secret);
            case "equals-money" ->
                settings(provider, url, "api-key", secret, "account-id", SimulatorCredentials.EQUALS_ACCOUNT_ID);
            case "grantex" ->
                settings(
                        provider,
                        url,
                        "api-key",
                        secret,
                        "grant-ids",
                        ids == null ? List.of("grnt_fault") : ids.grantIds());
            case "holyheld" -> settings(provider, url, "token", secret);
            default -> throw new IllegalArgumentException(provider);
        };
    }

    private String secret(String name) {
        String secret = "fr" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        secrets.add(secret);
        return secret;
    }

    /** Every form of each credential: of Ahrvo's two, {@code secret} and {@code secret + "k"}, when asked. */
    private static String echoes(String secret, boolean alsoTheApiKey) {
        String forms = String.join(" ", CredentialEchoes.forms(secret));
        return alsoTheApiKey ? forms + " " + String.join(" ", CredentialEchoes.forms(secret + "k")) : forms;
    }

    private static String ahrvoListing(String budgets) {
        return "{\"code\":\"SUCCESS\",\"data\":[" + budgets + "]}";
    }

    private static String ahrvoBudget(String id, String currency, String balance) {
        return "{\"budget_id\":\"" + id + "\",\"budget_name\":\"Budget " + id + "\",\"balance\":" + balance
                + ",\"currency\":\"" + currency + "\"}";
    }

    private static String equalsPage(String rows) {
        int count = rows.split("\\{\"id\"", -1).length - 1;
        return "{\"limit\":100,\"offset\":0,\"count\":" + count + ",\"rows\":[" + rows + "]}";
    }

    private static String equalsRow(String id, String currency, String available) {
        return "{\"id\":\"" + id + "\",\"name\":\"Budget " + id + "\",\"balance\":[{\"currencyCode\":\"" + currency
                + "\",\"availableBalance\":" + available + "}]}";
    }

    // ---------------------------------------------------------------- servers a canned answer cannot make

    private interface Conversation {
        void run(Socket socket) throws IOException;
    }

    /** A server on loopback that runs {@code conversation} on each connection, on a thread of its own. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();

        RawServer(Conversation conversation, boolean closeAfter) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            Socket connection;
                            try {
                                connection = socket.accept();
                            } catch (IOException closed) {
                                return;
                            }
                            accepted.incrementAndGet();
                            open.incrementAndGet();
                            Thread talker = new Thread(() -> {
                                try {
                                    conversation.run(connection);
                                    if (!closeAfter) {
                                        // never answers: waits until the client closes the connection
                                        while (connection.getInputStream().read() >= 0) {
                                            // discard
                                        }
                                    }
                                } catch (IOException | UncheckedIOException gone) {
                                    // the client went away
                                } finally {
                                    open.decrementAndGet();
                                    try {
                                        connection.close();
                                    } catch (IOException ignored) {
                                        // closing anyway
                                    }
                                }
                            });
                            talker.setDaemon(true);
                            talker.start();
                        }
                    },
                    "fault-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private RawServer raw(Conversation conversation, boolean closeAfter) throws IOException {
        RawServer server = new RawServer(conversation, closeAfter);
        servers.add(server);
        return server;
    }

    /** Reads a request's head (up to the blank line): enough to answer it. */
    private static void readRequest(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private void addEndlessPaging(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger pages = new AtomicInteger();
        server.createContext("/", exchange -> {
            int page = pages.getAndIncrement();
            int limit = 100;
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("limit=")) {
                        limit = Integer.parseInt(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                    }
                }
            }
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < limit; i++) {
                rows.append(i == 0 ? "" : ",").append(equalsRow("p" + page + "-" + i, "USD", "1.00"));
            }
            byte[] body = ("{\"limit\":" + limit + ",\"offset\":" + (long) page * limit
                            + ",\"count\":1000000000,\"rows\":[" + rows + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        sources.add(new Source(
                name,
                "page-forever",
                "failed,skipped",
                credentials("equals-money", url, secret(name), null),
                pages::get,
                () -> 0));
    }

    // ---------------------------------------------------------------- configuration

    private void add(String name, String fault, String expected, Map<String, Object> settings, IntSupplier requests) {
        sources.add(new Source(name, fault, expected, settings, requests, () -> 0));
    }

    private static Map<String, Object> settings(String provider, String url, Object... pairs) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("provider", provider);
        settings.put("base-url", url);
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private String yaml() {
        StringBuilder out = new StringBuilder("balance-history:\n  sources:\n");
        for (Source source : sources) {
            out.append("    ").append(source.name).append(": {");
            Map<String, Object> settings = new LinkedHashMap<>(source.settings);
            settings.put("interval", interval);
            String separator = "";
            for (Map.Entry<String, Object> entry : settings.entrySet()) {
                out.append(separator).append(entry.getKey()).append(": ").append(yamlValue(entry.getValue()));
                separator = ", ";
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String yamlValue(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(yamlValue(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return "\"" + value + "\"";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
