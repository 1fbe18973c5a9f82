package com.balancehistory.bootstrap.heap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Ahrvo budget listing on loopback: {@code GET .../budget/v2/balance/all} answers {@code budgets} budgets in one body,
 * shaped like the documented sample (a 20-character id, a name, a decimal-string balance, a currency).
 */
final class FakeAhrvoListing implements AutoCloseable {

    static final String ACCESS_TOKEN = "fake-ahrvo-access-token-0001";
    static final String API_KEY = "fake-ahrvo-api-key-0001";

    private final HttpServer server;
    private final byte[] body;
    private final AtomicInteger calls = new AtomicInteger();

    FakeAhrvoListing(int budgets) throws IOException {
        body = listing(budgets).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/card/issuance/api/issuing/budget/v2/balance/all", exchange -> {
            calls.incrementAndGet();
            boolean authorised = ("Bearer " + ACCESS_TOKEN)
                            .equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"));
            byte[] answer = authorised ? body : "{\"code\":\"UNAUTHORIZED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorised ? 200 : 401, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    static String listing(int budgets) {
        StringBuilder json = new StringBuilder(budgets * 110 + 40).append("{\"code\":\"SUCCESS\",\"data\":[");
        String[] currencies = {"USD", "USD", "USD", "EUR", "GBP"};
        for (int i = 0; i < budgets; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"budget_id\":\"ci")
                    .append(String.format("%018d", 202507232016000000L + i))
                    .append("\",\"budget_name\":\"Department Budget ")
                    .append(i)
                    .append("\",\"balance\":\"")
                    .append(1000 + (i * 7919L) % 900_000)
                    .append('.')
                    .append(String.format("%02d", i % 100))
                    .append("\",\"currency\":\"")
                    .append(currencies[i % currencies.length])
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int bodyBytes() {
        return body.length;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
