package com.balancehistory.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the simulator received it, so contract tests can assert exactly what an adapter sent.
 *
 * @param endpoint   the endpoint it matched, or null for an unknown path
 * @param method     HTTP method
 * @param path       decoded path
 * @param rawQuery   the query string as sent (null when there was none)
 * @param query      decoded query parameters in order
 * @param headers    request headers, names in lower case
 * @param receivedAt wall-clock time of arrival
 */
public record RecordedRequest(
        Endpoint endpoint,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The request an exchange carries, as it arrived now. */
    static RecordedRequest of(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new RecordedRequest(
                Endpoint.match(uri.getPath()),
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getRawQuery(),
                parseQuery(uri.getRawQuery()),
                headers,
                Instant.now());
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        out.replaceAll((name, values) -> List.copyOf(values));
        return out;
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
