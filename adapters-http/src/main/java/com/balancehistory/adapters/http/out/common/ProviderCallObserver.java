package com.balancehistory.adapters.http.out.common;

import java.time.Duration;

/**
 * Told about one source's HTTP calls as they happen, for metrics. Implementations must be quick and must not throw;
 * {@link #NONE} ignores everything.
 */
public interface ProviderCallObserver {

    ProviderCallObserver NONE = new ProviderCallObserver() {};

    /**
     * One request answered or failed in transport.
     *
     * @param endpoint the request's path without query, ids replaced by {@code {id}} (few distinct values)
     * @param status   the HTTP status, or 0 when no response came
     */
    default void requestFinished(String endpoint, int status, Duration took) {}

    /** A failed request will be tried again after {@code wait}. */
    default void retrying(String endpoint, Duration wait) {}

    /** The rate limiter held a request back for {@code wait}. */
    default void rateLimitWaited(Duration wait) {}

    /** {@code /v1/cards/card123/balance?x=1} as {@code /v1/cards/{id}/balance}: a path segment with a digit is an id. */
    static String endpointOf(String path) {
        String withoutQuery = path == null ? "" : path.split("\\?", 2)[0];
        StringBuilder endpoint = new StringBuilder();
        for (String segment : withoutQuery.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            endpoint.append('/')
                    .append(
                            segment.chars().anyMatch(Character::isDigit) && !segment.matches("v\\d+")
                                    ? "{id}"
                                    : segment);
        }
        return endpoint.isEmpty() ? "/" : endpoint.toString();
    }
}
