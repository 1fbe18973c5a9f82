package com.balancehistory.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that speaks the five provider APIs exactly as their documents describe them (paths, auth
 * headers, query parameters, field names and types, error statuses and bodies), over state that evolves with
 * simulated time. Tests and demo mode point provider clients at {@link #baseUrl()}; every provider is served from
 * that one base URL because their paths do not collide.
 *
 * <pre>{@code
 * try (ProviderSimulator sim = ProviderSimulator.start(SimulatorSettings.defaults())) {
 *     String base = sim.baseUrl();                      // http://127.0.0.1:54321
 *     SimulatorCredentials demo = sim.credentials();     // tokens and keys it accepts
 *     sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(500).body("..."));
 *     ... call it ...
 *     sim.requests().of(Endpoint.HOLYHELD_BALANCE);      // what was sent
 *     sim.advance(Duration.ofDays(1));                   // budgets spend, limits reset
 * }
 * }</pre>
 *
 * <p>Served (documents in {@code shared/providers/}):
 * <ul>
 *   <li>Ahrvo {@code GET /card/issuance/api/issuing/budget/v2/balance/all} and
 *       {@code GET /card/issuance/api/issuing/spending-control/v2/share-card-remaining-limit?card_id=}: need
 *       {@code Authorization: Bearer <access-token>} and {@code x-api-key}; 401 otherwise, 404 when no budgets
 *       exist or the card does not, 400 for a missing or malformed card_id. Budgets in USD, EUR and GBP.</li>
 *   <li>Equals Money {@code GET /v2/budgets?accountId=&limit=&offset=&include=balance}: needs
 *       {@code Authorization: ApiKey <key>} (Bearer or the bare key are accepted too); 401 without it, 403 with a
 *       wrong key. Pages by limit (1..1000, default 100) and offset; amounts are JSON numbers.</li>
 *   <li>Grantex {@code GET /v1/budget/balance/{grantId}}: needs {@code Authorization: Bearer <api-key>}; 401 and
 *       404 with {@code {message, code, requestId}}. Amounts as NUMERIC(18,4) strings or as numbers.</li>
 *   <li>Holyheld {@code GET /v4/ai-agents/balance}: needs {@code Authorization: Bearer <token>}; 401 when missing,
 *       403 when wrong, with {@code {status: "error", errorCode, error}}.</li>
 * </ul>
 */
public final class ProviderSimulator implements AutoCloseable {

    private static final String JSON = "application/json; charset=utf-8";

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK (about 40 ms on loopback), which would swamp any latency we simulate.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatedWorld world;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requests = new RequestLog();
    private final SimulatorCredentials credentials;
    private final Instant clockAtStart;

    private ProviderSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.world = new SimulatedWorld(settings);
        this.credentials = new SimulatorCredentials(
                SimulatorCredentials.AHRVO_ACCESS_TOKEN,
                SimulatorCredentials.AHRVO_API_KEY,
                SimulatorCredentials.EQUALS_API_KEY,
                SimulatorCredentials.EQUALS_ACCOUNT_ID,
                SimulatorCredentials.GRANTEX_API_KEY,
                world.grantex().grantIds(),
                SimulatorCredentials.HOLYHELD_TOKEN,
                world.ahrvo().cardIds());
        this.clockAtStart = settings.clock() == null ? null : settings.clock().instant();
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 4096);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "provider-simulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator; close it when done. */
    public static ProviderSimulator start(SimulatorSettings settings) {
        try {
            return new ProviderSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start the provider simulator on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /** Starts a simulator with {@link SimulatorSettings#defaults()}. */
    public static ProviderSimulator start() {
        return start(SimulatorSettings.defaults());
    }

    /** {@code http://127.0.0.1:<port>}, the base URL for every provider (no trailing slash). */
    public String baseUrl() {
        return "http://" + settings.host() + ":" + port();
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The demo credentials, account id, grant ids and card ids the simulator accepts. */
    public SimulatorCredentials credentials() {
        return credentials;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Fault injection: canned answers, delays, paging edge cases. */
    public FaultInjector faults() {
        return faults;
    }

    /** What was received, plus concurrency and rate statistics. */
    public RequestLog requests() {
        return requests;
    }

    /** Moves simulated time forward; budgets, limits, grants and the Holyheld card change hour by hour. */
    public void advance(Duration duration) {
        world.advance(duration);
    }

    /** The current simulated time. */
    public Instant simulatedNow() {
        return world.now();
    }

    /** Removes every Ahrvo budget, so the budget list answers 404 ("No budget accounts exist"). */
    public void clearAhrvoBudgets() {
        world.ahrvo().clearBudgets();
    }

    /** Sets the Holyheld card balance in EUR. */
    public void setHolyheldBalance(String eur) {
        world.holyheld().setBalance(new BigDecimal(eur));
    }

    /** Grantex amounts as NUMERIC(18,4) strings ({@code "94.5000"}, the default) or as JSON numbers ({@code 94.50}). */
    public void setGrantexAmountsAsStrings(boolean asStrings) {
        world.grantex().setAmountsAsStrings(asStrings);
    }

    /** Adds an Ahrvo card with totals in USD (daily, weekly, monthly, lifetime) and nothing spent yet. */
    public void addAhrvoCard(String cardId, String daily, String weekly, String monthly, String lifetime) {
        world.ahrvo().addCard(cardId, AhrvoCard.unspent(cents(daily), cents(weekly), cents(monthly), cents(lifetime)));
    }

    /** Deletes an Ahrvo card, so asking for it answers 404. */
    public void removeAhrvoCard(String cardId) {
        world.ahrvo().removeCard(cardId);
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange exchange) {
        Endpoint endpoint = null;
        boolean started = false;
        try (exchange) {
            drain(exchange.getRequestBody());
            RecordedRequest request = RecordedRequest.of(exchange);
            endpoint = request.endpoint();
            requests.record(request);
            requests.started(endpoint);
            started = true;
            Answer answer = answer(request);
            // counted in flight from arrival until its answer is ready: the client cannot reuse the slot before
            started = false;
            requests.finished(endpoint);
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away or a test fault broke something: nothing more to say to it
        } finally {
            if (started) {
                requests.finished(endpoint);
            }
        }
    }

    private Answer answer(RecordedRequest request) throws InterruptedException {
        Endpoint endpoint = request.endpoint();
        String path = request.path();
        if (settings.clock() != null) {
            Duration elapsed = Duration.between(clockAtStart, settings.clock().instant());
            world.evolveTo(settings.start().plus(elapsed.multipliedBy(settings.speed())));
        }
        sleep(settings.latency());
        if (endpoint == null) {
            return new Answer(404, "{\"message\":\"no such endpoint: " + path.replace("\"", "") + "\"}");
        }
        sleep(faults.delayFor(endpoint));
        String accountId = switch (endpoint) {
            case AHRVO_CARD_LIMITS -> request.queryParam("card_id");
            case GRANTEX_BALANCE ->
                URLDecoder.decode(path.substring(endpoint.path().length()), StandardCharsets.UTF_8);
            default -> null;
        };
        Fault fault = faults.take(endpoint, accountId);
        if (fault != null) {
            sleep(fault.delay());
            if (fault.replacesAnswer()) {
                return new Answer(fault.status(), fault.body(), fault.headers());
            }
        }
        if (!"GET".equals(request.method())) {
            return new Answer(405, "{\"message\":\"method not allowed\"}");
        }
        return switch (endpoint) {
            case AHRVO_BUDGETS -> world.ahrvo().budgets(request);
            case AHRVO_CARD_LIMITS -> world.ahrvo().cardLimits(request, accountId);
            case EQUALS_BUDGETS -> world.equalsMoney().budgets(request, faults);
            case GRANTEX_BALANCE -> world.grantex().balance(request, accountId);
            case HOLYHELD_BALANCE -> world.holyheld().balance(request);
        };
    }

    // ---------------------------------------------------------------- plumbing

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
