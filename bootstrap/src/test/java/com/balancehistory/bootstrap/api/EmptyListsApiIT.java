package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A list that matched nothing is still in the answer, as {@code []}: clients read {@code reports.length} or loop over
 * {@code items} without guarding against a missing field (Micronaut Serde leaves out empty values by default, which
 * once made the dashboard's reports page fail on a database without reports).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyListsApiIT extends ServiceTestSupport {

    private static final String READER_KEY = "empty-lists-reader-key-0123456789";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .apiKey("empty-lists-reader", "reader", READER_KEY)
                .with(Map.of("balance-history.reports.tick", "1h"))
                .asMap();
    }

    @Test
    void every_list_route_answers_an_empty_list_when_nothing_matches() throws Exception {
        ApiTestClient api = ApiTestClient.of(server);
        // filters that match nothing, whatever other test classes recorded in this run's database
        Map<String, String> listFieldByRoute = new LinkedHashMap<>();
        listFieldByRoute.put("/api/v1/reports?from=2000-01-01&to=2000-01-02", "reports");
        listFieldByRoute.put("/api/v1/alerts/history?from=2000-01-01&to=2000-01-02", "events");
        listFieldByRoute.put("/api/v1/balances?label=department:no-such-department-anywhere", "items");
        for (Map.Entry<String, String> route : listFieldByRoute.entrySet()) {
            ApiTestClient.Response response = api.get(route.getKey(), READER_KEY);
            assertThat(response.status())
                    .as(route.getKey() + ": " + response.body())
                    .isEqualTo(200);
            assertThat(response.body()).as(route.getKey()).contains("\"" + route.getValue() + "\":[]");
        }
    }
}
