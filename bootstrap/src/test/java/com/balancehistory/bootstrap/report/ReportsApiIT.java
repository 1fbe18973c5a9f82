package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.bootstrap.ServiceTestSupport;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        p.put("balance-history.api.keys[0].name", "reports-reader");
        p.put("balance-history.api.keys[0].role", "reader");
        p.put("balance-history.api.keys[0].key", READER_KEY);
        p.put("balance-history.api.keys[1].name", "reports-admin");
        p.put("balance-history.api.keys[1].role", "admin");
        p.put("balance-history.api.keys[1].sha256", ApiKey.sha256Hex(ADMIN_KEY));
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
}
