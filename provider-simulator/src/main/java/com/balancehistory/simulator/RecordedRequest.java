package com.balancehistory.simulator;

import java.time.Instant;
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
