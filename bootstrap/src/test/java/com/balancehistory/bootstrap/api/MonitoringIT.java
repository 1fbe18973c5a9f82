package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an operator's Prometheus and orchestrator see: {@code /prometheus} behind a key with the service's metrics
 * after a real poll of the simulator, the per-account gauges capped, and {@code /health} telling anonymous callers
 * only UP or DOWN.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIT extends ServiceTestSupport {

    static final ProviderSimulator SIMULATOR =
            ProviderSimulator.start(SimulatorSettings.defaults().withPort(0).withEqualsBudgets(5));
    static final String METRICS_KEY = "metrics-key-" + UUID.randomUUID();
    static final String READER_KEY = "reader-key-" + UUID.randomUUID();
    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();
    static final String DB_PASSWORD_MARK = "jdbc:postgresql";
    static final int SERIES_CAP = 3;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .apiKey("scraper", "metrics", METRICS_KEY)
                .apiKey("reader", "reader", READER_KEY)
                .apiKey("admin", "admin", ADMIN_KEY)
                .asMap());
        p.put("balance-history.metrics.max-account-series", String.valueOf(SERIES_CAP));
        p.put("balance-history.sources.mon-equals.provider", "equals-money");
        p.put("balance-history.sources.mon-equals.base-url", SIMULATOR.baseUrl());
        p.put(
                "balance-history.sources.mon-equals.api-key",
                SIMULATOR.credentials().equalsApiKey());
        p.put(
                "balance-history.sources.mon-equals.account-id",
                SIMULATOR.credentials().equalsAccountId());
        p.put("balance-history.sources.mon-down.provider", "holyheld");
        p.put("balance-history.sources.mon-down.base-url", "http://127.0.0.1:1");
        p.put("balance-history.sources.mon-down.token", "a-token-that-goes-nowhere");
        p.put("balance-history.sources.mon-down.max-retries", "0");
        p.put("balance-history.sources.mon-broken.provider", "no-such-provider");
        return p;
    }

    @BeforeAll
    void client() {
        api = ApiTestClient.of(server);
    }

    @AfterAll
    void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void prometheus_needs_a_key_and_a_metrics_key_reads_nothing_else() {
        assertThat(api.get("prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("prometheus", "not-a-key-of-ours").status()).isEqualTo(401);
        assertThat(api.get("prometheus", METRICS_KEY).status()).isEqualTo(200);
        assertThat(api.get("prometheus", READER_KEY).status()).isEqualTo(200);
        assertThat(api.get("prometheus", ADMIN_KEY).status()).isEqualTo(200);

        assertThat(api.get("api/v1/balances", METRICS_KEY).status()).isEqualTo(403);
        assertThat(api.get("api/v1/balances", READER_KEY).status()).isEqualTo(200);
    }

    @Test
    void after_a_poll_prometheus_holds_the_service_metrics_and_those_micronaut_provides() {
        assertThat(api.post("api/v1/polls?wait=PT30S", ADMIN_KEY, null).status())
                .isEqualTo(200);

        String metrics = scrape();

        assertThat(value(metrics, "balance_history_polls_total{outcome=\"ok\",source=\"mon-equals\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "balance_history_polls_total{outcome=\"failed\",source=\"mon-down\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "balance_history_source_consecutive_failures{source=\"mon-down\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "balance_history_source_last_success_timestamp_seconds{source=\"mon-equals\"}"))
                .isGreaterThan(1.7e9);
        assertThat(value(metrics, "balance_history_snapshot_rows_written_total{source=\"mon-equals\"}"))
                .isGreaterThanOrEqualTo(5);
        assertThat(value(metrics, "balance_history_misconfigured_sources")).isEqualTo(1);
        assertThat(value(metrics, "balance_history_circuit_state{source=\"mon-equals\",state=\"closed\"}"))
                .isEqualTo(1);
        assertThat(metrics)
                .contains(
                        "balance_history_poll_duration_seconds_bucket{source=\"mon-equals\",le=",
                        "balance_history_recording_duration_seconds_count{source=\"mon-equals\"}",
                        "balance_history_provider_request_duration_seconds_bucket{endpoint=",
                        "balance_history_source_balance{currency=",
                        "balance_history_active_alerts{kind=\"low-balance\"}",
                        "jvm_memory_used_bytes",
                        "hikaricp_connections_active",
                        "http_server_requests_seconds_count");
        assertThat(metrics).doesNotContain(SIMULATOR.credentials().equalsApiKey(), DB_PASSWORD_MARK);
    }

    @Test
    void per_account_balance_gauges_stop_at_the_configured_cap_and_a_counter_says_how_many_were_dropped() {
        assertThat(api.post("api/v1/polls?source=mon-equals&wait=PT30S", ADMIN_KEY, null)
                        .status())
                .isEqualTo(200);

        String metrics = scrape();

        List<String> accountSeries = lines(metrics, "balance_history_account_balance{");
        assertThat(accountSeries).hasSize(SERIES_CAP);
        assertThat(accountSeries)
                .allSatisfy(line -> assertThat(line)
                        .contains(
                                "account_id=\"mon-equals.",
                                "source=\"mon-equals\"",
                                "provider=\"equals-money\"",
                                "kind=\"budget\"",
                                "currency=\""));
        assertThat(value(metrics, "balance_history_account_balance_series_dropped_total"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anonymous_health_answers_only_its_status_and_an_admin_key_sees_the_details_without_the_database_url() {
        ApiTestClient.Response anonymous = api.get("health", null);
        JsonNode status = ApiJson.body(json, anonymous);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(names(status)).containsExactly("status");
        assertThat(status.get("status").getStringValue()).isEqualTo("UP");
        assertThat(names(ApiJson.body(json, api.get("health", READER_KEY)))).containsExactly("status");

        ApiTestClient.Response admin = api.get("health", ADMIN_KEY);
        JsonNode details = ApiJson.body(json, admin).get("details");
        assertThat(details).isNotNull();
        assertThat(details.get("database").get("status").getStringValue()).isEqualTo("UP");
        assertThat(admin.body()).doesNotContain(DB_PASSWORD_MARK, "password");
    }

    @Test
    void orchestrators_get_liveness_and_readiness_with_the_database_and_migrations_behind_readiness() {
        ApiTestClient.Response liveness = api.get("health/liveness", null);
        ApiTestClient.Response readiness = api.get("health/readiness", ADMIN_KEY);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(ApiJson.body(json, readiness)
                        .get("details")
                        .get("database")
                        .get("details")
                        .get("migrations")
                        .getStringValue())
                .isEqualTo("applied");
    }

    @Test
    void every_metric_the_grafana_dashboard_and_the_alert_rules_query_exists_in_prometheus_output() throws Exception {
        api.post("api/v1/polls?wait=PT30S", ADMIN_KEY, null);
        Set<String> exposed = exposedMetricNames(scrape());
        Path monitoring = docs().resolve("monitoring");

        JsonNode dashboard =
                json.readValue(Files.readString(monitoring.resolve("grafana-dashboard.json")), JsonNode.class);
        List<String> dashboardQueries = new ArrayList<>();
        dashboard
                .get("panels")
                .values()
                .forEach(panel -> panel.get("targets")
                        .values()
                        .forEach(target ->
                                dashboardQueries.add(target.get("expr").getStringValue())));
        assertThat(dashboardQueries).hasSizeGreaterThanOrEqualTo(15);
        assertThat(metricsIn(dashboardQueries))
                .isNotEmpty()
                .allSatisfy(metric ->
                        assertThat(exposed).as("dashboard metric " + metric).contains(metric));

        Map<String, Object> rules =
                new org.yaml.snakeyaml.Yaml().load(Files.readString(monitoring.resolve("balance-history-alerts.yml")));
        Map<String, String> exprByAlert = new HashMap<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                exprByAlert.put(
                        String.valueOf(((Map<?, ?>) rule).get("alert")),
                        String.valueOf(((Map<?, ?>) rule).get("expr")));
            }
        }
        assertThat(exprByAlert)
                .containsOnlyKeys(
                        "BalanceHistorySourceFailing",
                        "BalanceHistorySourceCannotPoll",
                        "BalanceHistorySourceStale",
                        "BalanceHistoryBalanceLow",
                        "BalanceHistoryDepletionProjected");
        assertThat(exprByAlert.get("BalanceHistorySourceFailing"))
                .contains("balance_history_source_consecutive_failures", ">= 3");
        assertThat(exprByAlert.get("BalanceHistorySourceCannotPoll"))
                .contains("balance_history_source_can_poll", "== 0");
        assertThat(exprByAlert.get("BalanceHistorySourceStale"))
                .contains("time() - ", "balance_history_source_last_success_timestamp_seconds");
        assertThat(exprByAlert.get("BalanceHistoryBalanceLow")).contains("balance_history_account_balance", "<");
        assertThat(exprByAlert.get("BalanceHistoryDepletionProjected"))
                .contains("predict_linear(", "balance_history_source_balance");
        assertThat(metricsIn(exprByAlert.values()))
                .allSatisfy(metric ->
                        assertThat(exposed).as("alert rule metric " + metric).contains(metric));

        Map<String, Object> scrapeConfig =
                new org.yaml.snakeyaml.Yaml().load(Files.readString(monitoring.resolve("prometheus.yml")));
        Map<?, ?> job = (Map<?, ?>) ((List<?>) scrapeConfig.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/prometheus");
        assertThat(((Map<?, ?>) job.get("authorization")).get("type")).isEqualTo("Bearer");
    }

    /** The metric names in PromQL queries: the names of our families and of those Micronaut provides. */
    static Set<String> metricsIn(java.util.Collection<String> queries) {
        Set<String> metrics = new java.util.TreeSet<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile(
                        "\\b((?:balance_history|jvm|hikaricp|http_server|process)_[a-z0-9_]+)")
                .matcher("");
        queries.forEach(query -> {
            names.reset(query);
            while (names.find()) {
                metrics.add(names.group(1));
            }
        });
        return metrics;
    }

    /** Every sample name in an exposition, histogram series included (name_bucket, name_count, name_sum). */
    static Set<String> exposedMetricNames(String metrics) {
        Set<String> names = new HashSet<>();
        metrics.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/monitoring"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("docs/monitoring above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir.resolve("docs");
    }

    private String scrape() {
        ApiTestClient.Response response = api.get("prometheus", METRICS_KEY);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    static List<String> lines(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    static double value(String metrics, String series) {
        List<String> found = lines(metrics, series + " ");
        assertThat(found).as("series " + series + " in\n" + metrics).hasSize(1);
        return Double.parseDouble(found.get(0).substring(series.length() + 1).strip());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.entries().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
