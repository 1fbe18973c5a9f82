package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorCredentials;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The findings on headers and logs, over HTTP: every HTML answer (the report too, and the API docs) forbids framing
 * and sniffing, financial data is never stored by a cache, and text a provider sends cannot forge a log line.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "security-headers-admin-" + UUID.randomUUID();
    static final CapturedLogs LOGS = CapturedLogs.start();
    static final String HOLYHELD =
            "headers-holyheld-" + UUID.randomUUID().toString().substring(0, 8);
    static final ProviderSimulator SIMULATOR = ProviderSimulator.start();

    @Inject
    EmbeddedServer server;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .apiKey("admin", "admin", ADMIN_KEY)
                .with(Map.of(
                        "balance-history.sources." + HOLYHELD + ".provider",
                        "holyheld",
                        "balance-history.sources." + HOLYHELD + ".base-url",
                        SIMULATOR.baseUrl(),
                        "balance-history.sources." + HOLYHELD + ".token",
                        SimulatorCredentials.HOLYHELD_TOKEN))
                .asMap();
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_html_report_and_the_api_docs_may_not_be_framed_or_sniffed_and_data_is_never_cached() throws Exception {
        HttpResponse<String> report = get("/api/v1/reports/allocation/live?format=html", ADMIN_KEY);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(report.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("script-src"));

        for (String docs : List.of("/swagger-ui/index.html", "/rapidoc/index.html")) {
            HttpResponse<String> page = get(docs, null);
            assertThat(page.statusCode()).as(docs).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(docs)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("frame-ancestors 'none'")
                            .contains("object-src 'none'")
                            .doesNotContain("http:")
                            .doesNotContain("https:"));
            assertThat(page.headers().firstValue("X-Content-Type-Options"))
                    .as(docs)
                    .contains("nosniff");
        }

        for (String data : List.of(
                "/api/v1/reports/allocation/live?format=html",
                "/api/v1/reports/allocation/live?format=csv",
                "/api/v1/export/balances?format=csv",
                "/api/v1/export/snapshots?format=json",
                "/api/v1/balances",
                "/api/v1/no-such-route")) {
            HttpResponse<String> answer = get(data, ADMIN_KEY);
            assertThat(answer.headers().firstValue("Cache-Control")).as(data).contains("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(data)
                    .contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(data).contains("no-referrer");
        }
    }

    @Test
    void a_line_break_in_provider_text_cannot_start_a_forged_log_line() throws Exception {
        String forged = "2026-12-07T00:00:00.000Z WARN  [main] c.b.a.http.in.auth.ApiKeyFilter - FORGED";
        SIMULATOR
                .faults()
                .next(
                        Endpoint.HOLYHELD_BALANCE,
                        Fault.status(200)
                                .body("{\"status\":\"ok\",\"payload\":{\"balance\":\"12.00\\n" + forged + "\"}}"));
        HttpResponse<String> poll = http.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/polls?source=" + HOLYHELD + "&wait=PT30S"))
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(poll.statusCode()).isEqualTo(200);

        assertThat(LOGS.lines())
                .as("the poll's log line holds the provider's line break as sent")
                .anyMatch(line -> line.contains("source " + HOLYHELD) && line.contains("\n2026-12-07T00:00:0"));
        List<String> written = asWrittenByTheServiceLogConfiguration(LOGS.events());
        assertThat(String.join("", written).lines())
                .as("no written line starts with the forged text")
                .noneMatch(line -> line.startsWith("2026-12-07T00:00:0"))
                .filteredOn(line -> line.contains("2026-12-07T00:00:0"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("source " + HOLYHELD));
    }

    /**
     * The events as the service's own logback.xml (text format, not the tests' configuration) writes them, so that
     * the escaping of its encoder is what is tested.
     */
    private static List<String> asWrittenByTheServiceLogConfiguration(List<?> events) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            context.putProperty("LOG_FORMAT", "text");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(SecurityHeadersIT.class.getResource("/logback.xml"));
            ConsoleAppender<ILoggingEvent> console = null;
            for (java.util.Iterator<Appender<ILoggingEvent>> it =
                            context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
                    it.hasNext(); ) {
                if (it.next() instanceof ConsoleAppender<ILoggingEvent> found) {
                    console = found;
                }
            }
            assertThat(console).as("the service's console appender").isNotNull();
            List<String> written = new java.util.ArrayList<>();
            for (Object event : events) {
                written.add(new String(console.getEncoder().encode((ILoggingEvent) event), StandardCharsets.UTF_8));
            }
            return written;
        } finally {
            context.stop();
        }
    }

    @AfterAll
    void stopSimulator() {
        SIMULATOR.close();
    }
}
