package com.balancehistory.bootstrap.api;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A plain JDK HTTP client against the running service; remembers every response body it saw. */
final class ApiTestClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    ApiTestClient(URI base) {
        this.base = base;
    }

    /** A client of the service {@code server} runs. */
    static ApiTestClient of(EmbeddedServer server) {
        return new ApiTestClient(URI.create(server.getURL() + "/"));
    }

    record Response(
            int status,
            String contentType,
            String body,
            String wwwAuthenticate,
            java.util.Map<String, List<String>> headers) {

        /** The first value of a response header, or null. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    Response get(String path, String key) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), key);
    }

    Response post(String path, String key, String json) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)),
                key);
    }

    Response send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", key.contains(" ") ? key : "Bearer " + key);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            seen.add(response.body());
            seen.add(response.headers().map().toString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> everyResponseSeen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
