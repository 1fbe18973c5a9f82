package com.balancehistory.adapters.http.out.equals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Equals Money provider on loopback that pages forever: every page is full of budgets never seen before and
 * {@code count} always says there are more. The poll stops at its limits and records nothing of the listing.
 */
class EndlessPagingIT {

    private final TestRuntime test = new TestRuntime();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/budgets", exchange -> {
            int page = requests.getAndIncrement();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                rows.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"b")
                        .append(page)
                        .append('-')
                        .append(i)
                        .append("\",\"balance\":[{\"currencyCode\":\"USD\",\"availableBalance\":1.00}]}");
            }
            byte[] body = ("{\"limit\":10,\"offset\":" + page * 10 + ",\"count\":1000000000,\"rows\":[" + rows + "]}")
                    .getBytes(StandardCharsets.UTF_8);
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
    void paging_that_never_ends_stops_at_max_pages_and_fails_the_poll_recording_nothing() {
        FetchResult result = provider(Map.of("max-pages", "7")).fetch();

        assertThat(result)
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.failure().reason())
                                .isEqualTo(
                                        "the budget listing needs more than 7 pages (max-pages): nothing of it recorded"));
        assertThat(requests).hasValue(7);
    }

    @Test
    void a_listing_beyond_max_accounts_fails_the_poll_as_soon_as_it_passes_the_limit() {
        FetchResult result = provider(Map.of("max-accounts", "25")).fetch();

        assertThat(result)
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.failure().reason())
                                .isEqualTo(
                                        "the budget listing has more than 25 accounts (max-accounts): nothing of it recorded"));
        assertThat(requests).as("pages of 10: the third passes 25").hasValue(3);
    }

    @Test
    void the_default_limits_bound_an_endless_listing_too() {
        assertThat(provider(Map.of()).fetch()).isInstanceOf(FetchResult.Failed.class);
        assertThat(requests).hasValue(200);
    }

    @Test
    void a_limit_that_is_not_a_positive_whole_number_is_a_configuration_error_naming_it() {
        assertThatThrownBy(() -> provider(Map.of("max-pages", "0")))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessageContaining("max-pages must be a whole number of at least 1, got '0'");
    }

    private BalanceProvider provider(Map<String, Object> limits) {
        Map<String, Object> raw = new HashMap<>(Map.of(
                "provider",
                "equals-money",
                "base-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "api-key",
                "key",
                "account-id",
                "F1",
                "page-size",
                "10",
                "max-retries",
                "0"));
        raw.putAll(limits);
        return BalanceProviderFactory.create(SimulatorSources.settings("endless", raw), test.runtime());
    }
}
