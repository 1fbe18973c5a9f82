package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Exports: formulas in provider names are neutralised, Accept is honoured (format wins), extreme dates are 400s. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportSafetyIT extends ServiceTestSupport {

    static final ProviderSimulator SIM = ProviderSimulator.start();
    static final String SOURCE = "csv-" + UUID.randomUUID().toString().substring(0, 8);
    static final String KEY = "export-reader-" + UUID.randomUUID();
    static final List<String> FORMULAS =
            List.of("=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "\\tTabbed");

    @Inject
    EmbeddedServer server;

    @Inject
    PollSourcesUseCase polls;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .hashedApiKey("export-reader", "reader", KEY)
                .asMap());
        p.put("balance-history.sources." + SOURCE + ".provider", "ahrvo");
        p.put("balance-history.sources." + SOURCE + ".base-url", SIM.baseUrl());
        p.put(
                "balance-history.sources." + SOURCE + ".access-token",
                SIM.credentials().ahrvoAccessToken());
        p.put(
                "balance-history.sources." + SOURCE + ".api-key",
                SIM.credentials().ahrvoApiKey());
        p.put("balance-history.sources." + SOURCE + ".interval", "1h");
        return p;
    }

    @BeforeAll
    void recordFormulaNames() {
        StringBuilder budgets = new StringBuilder("{\"code\":\"SUCCESS\",\"data\":[");
        for (int i = 0; i < FORMULAS.size(); i++) {
            budgets.append(i == 0 ? "" : ",")
                    .append("{\"budget_id\":\"f")
                    .append(i)
                    .append("\",\"budget_name\":\"")
                    .append(FORMULAS.get(i))
                    .append("\",\"balance\":\"-12.50\",\"currency\":\"USD\"}");
        }
        budgets.append("]}");
        for (int i = 0; i < 3; i++) { // the start-up poll may take the first answers
            SIM.faults().next(Endpoint.AHRVO_BUDGETS, Fault.status(200).body(budgets.toString()));
        }
        polls.pollNow(Optional.of(SOURCE), PollTrigger.ON_DEMAND);
        api = ApiTestClient.of(server);
    }

    @AfterAll
    void stop() {
        SIM.close();
    }

    @Test
    void names_that_start_like_formulas_are_written_as_text_in_both_csv_exports_while_amounts_stay_numbers() {
        for (String path : List.of("api/v1/export/balances", "api/v1/export/snapshots")) {
            String csv = api.get(path, KEY).body();
            assertThat(csv)
                    .as(path)
                    .contains(
                            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
                            ",'+SUM(A1:A9),",
                            ",'-2+3,",
                            ",'@SUM(A1),",
                            ",'\tTabbed,",
                            ",-12.50,");
            assertThat(csv.lines()).as(path).noneMatch(line -> line.matches(".*,[=+@\t].*") || line.contains(",-2+3"));
        }
    }

    @Test
    void exports_honour_accept_for_csv_and_json_and_format_wins() {
        for (String path : List.of("api/v1/export/balances", "api/v1/export/snapshots")) {
            ApiTestClient.Response csv = accept(path, "text/csv");
            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            ApiTestClient.Response json = accept(path, "application/json");
            assertThat(json.status()).as(path).isEqualTo(200);
            assertThat(json.contentType()).startsWith("application/json");
            assertThat(json.body()).startsWith("[").contains("\"name\":\"+SUM(A1:A9)\"");
            ApiTestClient.Response formatWins = accept(path + "?format=csv", "application/json");
            assertThat(formatWins.contentType()).as(path).startsWith("text/csv");
        }
    }

    @Test
    void extreme_dates_are_400_problems_naming_the_parameter_on_every_route_that_takes_one() {
        String far = "-999999999-01-01T00:00:00Z";
        String account = SOURCE + ".budget.f1";
        Map<String, String> routes = Map.of(
                "api/v1/balances/" + account + "/history?from=" + far,
                "from",
                "api/v1/balances/" + account + "/history?to=%2B999999999-01-01T00:00:00Z",
                "to",
                "api/v1/export/snapshots?from=" + far,
                "from",
                "api/v1/reports?from=" + far,
                "from",
                "api/v1/reports?to=%2B999999999-12-31",
                "to",
                "api/v1/alerts/history?from=" + far,
                "from");
        routes.forEach((path, parameter) -> {
            ApiTestClient.Response response = api.get(path, KEY);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("\"parameter\":\"" + parameter + "\"");
        });
    }

    private ApiTestClient.Response accept(String path, String accept) {
        return api.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                        .header("Accept", accept)
                        .GET(),
                KEY);
    }
}
