package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiIT extends ServiceTestSupport {

    private static final String READER_KEY = "reports-reader-key-0123456789";
    private static final String ADMIN_KEY = "reports-admin-key-0123456789";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .apiKey("reports-reader", "reader", READER_KEY)
                .hashedApiKey("reports-admin", "admin", ADMIN_KEY)
                .asMap());
        p.put("balance-history.reports.tick", "1h");
        return p;
    }

    private HttpResponse<String> send(String method, String path, String key, String accept, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void only_an_admin_generates_a_report_which_is_then_served_as_json_csv_and_html() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/v1/reports", READER_KEY, null, "{\"type\":\"allocation\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> created = send("POST", "/api/v1/reports", ADMIN_KEY, null, "{\"type\":\"allocation\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"trigger\":\"on_demand\"")
                .contains("\"currencies\"")
                .contains("\"freshness\"");
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        String path = "/api/v1/reports/" + id.group(1);

        HttpResponse<String> json = send("GET", path, READER_KEY, null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"type\":\"allocation\"").contains("\"asOf\"");

        HttpResponse<String> csv = send("GET", path, READER_KEY, "text/csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,currency,account_id");

        HttpResponse<String> html = send("GET", path + "?format=html", READER_KEY, null, null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<h1>Budget allocation report</h1>").contains("report " + id.group(1));

        HttpResponse<String> list = send("GET", "/api/v1/reports?type=allocation", READER_KEY, null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"href\":\"" + path + "\"");

        HttpResponse<String> rebuilt = send("GET", path + "/rebuild", READER_KEY, null, null);
        assertThat(rebuilt.body()).contains("\"identical\":true");
    }

    @Test
    void the_live_report_is_computed_without_being_stored_and_unknown_reports_are_problems() throws Exception {
        HttpResponse<String> live = send("GET", "/api/v1/reports/allocation/live", READER_KEY, null, null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"type\":\"allocation\"").contains("\"freshness\"");
        HttpResponse<String> liveHtml = send("GET", "/api/v1/reports/allocation/live", READER_KEY, "text/html", null);
        assertThat(liveHtml.body()).contains("live, not stored");

        HttpResponse<String> missing = send("GET", "/api/v1/reports/999999999", READER_KEY, null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> badFormat =
                send("GET", "/api/v1/reports/allocation/live?format=pdf", READER_KEY, null, null);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        HttpResponse<String> history = send("GET", "/api/v1/alerts/history", READER_KEY, null, null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).startsWith("{\"events\":[");
    }

    @Test
    void every_route_that_takes_a_time_reads_it_alike_a_date_meaning_its_midnight_utc() throws Exception {
        for (String route : new String[] {
            "/api/v1/reports?from=2026-11-20&to=2026-11-21T00:00:00Z",
            "/api/v1/alerts/history?from=2026-11-20&to=2026-11-21T00:00:00Z",
            "/api/v1/export/snapshots?from=2026-11-20&to=2026-11-21T00:00:00Z"
        }) {
            HttpResponse<String> dated = send("GET", route, READER_KEY, null, null);
            assertThat(dated.statusCode()).as(route).isEqualTo(200);
        }
        for (String route : new String[] {"/api/v1/reports", "/api/v1/alerts/history", "/api/v1/export/snapshots"}) {
            HttpResponse<String> malformed = send("GET", route + "?from=yesterday", READER_KEY, null, null);
            assertThat(malformed.statusCode()).as(route).isEqualTo(400);
            assertThat(malformed.body())
                    .as(route)
                    .contains("\"parameter\":\"from\"")
                    .contains("from must be a date (2026-11-20) or an ISO-8601 time (2026-11-20T10:00:00Z), "
                            + "got 'yesterday'");
        }
    }

    @Test
    void alert_history_answers_each_event_in_the_fields_of_active_alerts_amounts_in_the_currency_scale()
            throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO alert_event (kind, subject, event_type, occurred_at, source, "
                    + "observed_value, threshold_value, unit, message, fired_at) VALUES "
                    + "('low-balance', 'pin.budget.b1', 'fired', '2031-01-02T10:00:00Z', 'pin', 94.2, 100, 'USD', "
                    + "'balance 94.20 USD is below 100.00 USD', '2031-01-02T10:00:00Z'), "
                    + "('stale-data', 'pin', 'resolved', '2031-01-02T11:00:00Z', 'pin', NULL, NULL, NULL, "
                    + "'pin is fresh again', '2031-01-02T09:00:00Z'), "
                    + "('low-limit', 'pin.card.c1/monthly', 'fired', '2031-01-02T08:00:00Z', 'pin', 12.5, 50, 'EUR', "
                    + "'monthly limit remaining 12.50 EUR', '2031-01-02T08:00:00Z'), "
                    + "('stale-data', 'pin', 'fired', '2031-01-02T07:00:00Z', 'pin', 2.5, 2, 'intervals', "
                    + "'pin: 2.5 poll intervals', '2031-01-02T07:00:00Z')");
        }
        HttpResponse<String> history = send(
                "GET",
                "/api/v1/alerts/history?from=2031-01-02T00:00:00Z&to=2031-01-03T00:00:00Z",
                READER_KEY,
                null,
                null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(history.body().replaceAll("\"id\":\\d+", "\"id\":1"))
                .isEqualTo("{\"events\":["
                        + "{\"id\":1,\"event\":\"resolved\",\"kind\":\"stale-data\",\"accountId\":null,"
                        + "\"period\":null,\"source\":\"pin\",\"occurredAt\":\"2031-01-02T11:00:00Z\","
                        + "\"firedAt\":\"2031-01-02T09:00:00Z\",\"value\":null,\"threshold\":null,\"currency\":null,"
                        + "\"message\":\"pin is fresh again\"},"
                        + "{\"id\":1,\"event\":\"fired\",\"kind\":\"low-balance\",\"accountId\":\"pin.budget.b1\","
                        + "\"period\":null,\"source\":\"pin\",\"occurredAt\":\"2031-01-02T10:00:00Z\","
                        + "\"firedAt\":\"2031-01-02T10:00:00Z\",\"value\":\"94.20\",\"threshold\":\"100.00\","
                        + "\"currency\":\"USD\",\"message\":\"balance 94.20 USD is below 100.00 USD\"},"
                        + "{\"id\":1,\"event\":\"fired\",\"kind\":\"low-limit\",\"accountId\":\"pin.card.c1\","
                        + "\"period\":\"monthly\",\"source\":\"pin\",\"occurredAt\":\"2031-01-02T08:00:00Z\","
                        + "\"firedAt\":\"2031-01-02T08:00:00Z\",\"value\":\"12.50\",\"threshold\":\"50.00\","
                        + "\"currency\":\"EUR\",\"message\":\"monthly limit remaining 12.50 EUR\"},"
                        + "{\"id\":1,\"event\":\"fired\",\"kind\":\"stale-data\",\"accountId\":null,"
                        + "\"period\":null,\"source\":\"pin\",\"occurredAt\":\"2031-01-02T07:00:00Z\","
                        + "\"firedAt\":\"2031-01-02T07:00:00Z\",\"value\":\"2.5\",\"threshold\":\"2\",\"currency\":null,"
                        + "\"message\":\"pin: 2.5 poll intervals\"}]}");
    }

    @Test
    void a_stored_report_answers_its_summary_fields_in_this_order_then_its_content() throws Exception {
        HttpResponse<String> created = send(
                "POST", "/api/v1/reports", ADMIN_KEY, null, "{\"type\":\"allocation\",\"groupBy\":\"department\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher id = Pattern.compile("^\\{\"id\":(\\d+),").matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        String path = "/api/v1/reports/" + id.group(1);
        assertThat(created.headers().firstValue("Location")).contains(path);
        String summary = "\\{\"id\":" + id.group(1) + ",\"type\":\"allocation\",\"asOf\":\"[^\"]+\","
                + "\"createdAt\":\"[^\"]+\",\"trigger\":\"on_demand\",\"schedule\":null,\"scheduledFor\":null,"
                + "\"parameters\":\\{\"currencies\":\"all\",\"groupBy\":\"department\",[^}]*\"type\":\"allocation\"\\},"
                + "\"href\":\"" + path + "\"";
        String content = "\\{\"asOf\":\"[^\"]+\",\"type\":\"allocation\",\"freshness\":.*\"labelGroups\":"
                + "\\{\"key\":\"department\".*,\"previousReportId\":(null|\\d+)\\}";
        assertThat(created.body()).matches(summary + ",\"content\":" + content + "\\}");

        HttpResponse<String> one = send("GET", path, READER_KEY, null, null);
        assertThat(one.body()).isEqualTo(created.body());
        assertThat(one.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        HttpResponse<String> list = send("GET", "/api/v1/reports?limit=1", READER_KEY, null, null);
        assertThat(list.body()).matches("\\{\"reports\":\\[" + summary + "\\}\\]\\}");

        HttpResponse<String> rebuilt = send("GET", path + "/rebuild", READER_KEY, null, null);
        assertThat(rebuilt.body())
                .matches("\\{\"id\":" + id.group(1) + ",\"identical\":true,\"rebuilt\":\\{\"type\":\"allocation\","
                        + "\"asOf\":\"[^\"]+\",\"previousReportId\":(null|\\d+),.*\"labelGroups\":\\{\"key\":"
                        + "\"department\".*\\}\\}");
    }
}
