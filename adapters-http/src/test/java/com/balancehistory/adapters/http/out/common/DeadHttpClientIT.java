package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A JDK HTTP client whose selector thread died (an OutOfMemoryError there ends it for good) fails every request
 * after: the provider client replaces it and the source polls again, against a real server on loopback.
 */
class DeadHttpClientIT {

    private final TestRuntime test = new TestRuntime();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_client_that_has_died_is_rebuilt_and_the_next_attempt_reaches_the_provider() {
        AtomicInteger built = new AtomicInteger();
        Deque<HttpClient> clients = new ArrayDeque<>(
                List.of(new BrokenClient(() -> new RejectedExecutionException("Task rejected: Terminated"))));
        ProviderHttpClient http = client(
                () -> {
                    built.incrementAndGet();
                    HttpClient next = clients.pollFirst();
                    return next != null ? next : HttpClient.newHttpClient();
                },
                1);

        HttpOutcome outcome = http.get(uri(), Map.of(), "GET /");

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(outcome.body()).isEqualTo("{\"ok\":true}");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(built).hasValue(2);
        assertThat(http.get(uri(), Map.of(), "GET /").attempts())
                .as("the rebuilt client stays")
                .isEqualTo(1);
        assertThat(built).hasValue(2);
    }

    @Test
    void a_dead_client_without_retries_left_fails_this_poll_only_and_the_next_poll_succeeds() {
        Deque<HttpClient> clients =
                new ArrayDeque<>(List.of(new BrokenClient(() -> new IOException("selector manager closed"))));
        ProviderHttpClient http =
                client(() -> Optional.ofNullable(clients.pollFirst()).orElseGet(HttpClient::newHttpClient), 0);

        HttpOutcome first = http.get(uri(), Map.of(), "GET /");
        HttpOutcome second = http.get(uri(), Map.of(), "GET /");

        assertThat(first.isSuccess()).isFalse();
        assertThat(first.transportReason()).contains("the HTTP client had died").contains("rebuilt");
        assertThat(second.isSuccess()).isTrue();
    }

    @Test
    void an_out_of_memory_error_inside_the_client_is_rethrown_never_reported_as_a_connection_failure() {
        ProviderHttpClient http = client(() -> new BrokenClient(() -> new OutOfMemoryError("Java heap space")), 3);

        assertThatThrownBy(() -> http.get(uri(), Map.of(), "GET /")).isInstanceOf(OutOfMemoryError.class);
    }

    private ProviderHttpClient client(Supplier<HttpClient> clients, int retries) {
        return new ProviderHttpClient(
                HttpSettings.defaults().withRetries(retries, Duration.ofMillis(1), Duration.ofMillis(1)),
                test.runtime(),
                clients);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A client that fails every request the way a dead JDK client does. */
    private static final class BrokenClient extends HttpClient {
        private final Supplier<Throwable> failure;

        BrokenClient(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.failedFuture(failure.get());
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException("the provider client sends asynchronously");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
