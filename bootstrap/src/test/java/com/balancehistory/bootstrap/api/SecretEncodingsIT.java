package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.in.PollSourcesUseCase;
import com.balancehistory.application.port.in.report.RunScheduledReportsUseCase;
import com.balancehistory.application.port.in.report.SendOutboxUseCase;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.simulator.CredentialEchoes;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A provider that echoes its own credentials back in every encoding (JSON-escaped, unicode-escaped, URL-encoded,
 * HTML references, Base64) in error bodies: no output of the service shows a credential in any of those forms, not
 * the poll routes, reports (JSON, CSV, HTML, live, rebuild), the analyst views and every table, the report webhook,
 * delivered report files, nor the log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretEncodingsIT extends ServiceTestSupport {

    static final CapturedLogs LOGS = CapturedLogs.start();
    static final ProviderSimulator SIM = ProviderSimulator.start();
    static final String TOKEN = "tok/" + UUID.randomUUID() + "+x";
    static final String PROVIDER_KEY = "key/" + UUID.randomUUID() + "=k";
    static final String SOURCE = "echo-" + UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_KEY = "echo-admin-" + UUID.randomUUID();
    static final List<String> HOOK_BODIES = Collections.synchronizedList(new ArrayList<>());
    static final HttpServer HOOK = webhookReceiver();
    static final Path DELIVERED = tempDirectory();

    @Inject
    EmbeddedServer server;

    @Inject
    PollSourcesUseCase polls;

    @Inject
    RunScheduledReportsUseCase reports;

    @Inject
    SendOutboxUseCase outbox;

    @Inject
    DSLContext dsl;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none()
                .hashedApiKey("echo-admin", "admin", ADMIN_KEY)
                .asMap());
        String source = "balance-history.sources." + SOURCE + ".";
        p.put(source + "provider", "ahrvo");
        p.put(source + "base-url", SIM.baseUrl());
        p.put(source + "access-token", TOKEN);
        p.put(source + "api-key", PROVIDER_KEY);
        p.put(source + "max-retries", "0");
        p.put(source + "circuit-failure-threshold", "1000");
        p.put(source + "interval", "1h");
        p.put("balance-history.reports.tick", "1h");
        p.put("balance-history.reports.schedules.echo.cron", "* * * * * *");
        p.put("balance-history.reports.schedules.echo.type", "allocation");
        p.put("balance-history.reports.schedules.echo.deliver.directory", DELIVERED.toString());
        p.put(
                "balance-history.reports.schedules.echo.deliver.webhook.url",
                "http://127.0.0.1:" + HOOK.getAddress().getPort() + "/hook");
        p.put("balance-history.reports.schedules.echo.deliver.webhook.secret", "webhook-secret-0123456789");
        p.put("balance-history.reports.schedules.echo.deliver.log", "true");
        return p;
    }

    @AfterAll
    void stop() {
        SIM.close();
        HOOK.stop(0);
    }

    /** The credentials in every form a provider might echo them in, and as they are. */
    static List<String> everyForm() {
        List<String> forms = new ArrayList<>(List.of(TOKEN, PROVIDER_KEY));
        forms.addAll(CredentialEchoes.forms(TOKEN));
        forms.addAll(CredentialEchoes.forms(PROVIDER_KEY));
        return forms;
    }

    @Test
    void no_output_shows_a_credential_the_provider_echoed_in_any_encoding() throws Exception {
        List<String> echoes = new ArrayList<>(CredentialEchoes.forms(TOKEN));
        echoes.addAll(CredentialEchoes.forms(PROVIDER_KEY));
        List<Long> pollIds = new ArrayList<>();
        for (int i = 0; i < echoes.size(); i++) {
            String echo = echoes.get(i);
            Fault fault = switch (i % 4) {
                case 0 -> Fault.status(401).body("{\"code\":\"UNAUTHORIZED\",\"message\":\"bad token " + echo + "\"}");
                case 1 ->
                    Fault.status(500)
                            .body("{\"code\":\"ERR\",\"message\":\"" + echo + "\",\"error\":\"" + echo + "\"}");
                case 2 ->
                    Fault.status(200)
                            .body("{\"code\":\"DENIED " + echo + "\",\"message\":\"echo " + echo + "\",\"data\":[]}");
                default -> Fault.status(200).body("<html>not json " + echo + "</html>");
            };
            SIM.faults().next(Endpoint.AHRVO_BUDGETS, fault);
            PollRunSummary run;
            do { // the poll at start-up may still be running: ask again until this fault was served
                run = polls.pollNow(Optional.of(SOURCE), PollTrigger.ON_DEMAND);
                pollIds.add(run.id());
            } while (run.sources().get(0).outcome() == SourceOutcome.SKIPPED);
        }
        reports.runDue();
        Thread.sleep(1_100);
        reports.runDue();
        outbox.sendDue(); // the deliveries the reports wrote to the outbox, now rather than at the worker's next tick
        for (int i = 0; i < 100 && HOOK_BODIES.isEmpty(); i++) {
            Thread.sleep(100); // or the background worker claimed them first and is sending
        }

        ApiTestClient api = ApiTestClient.of(server);
        List<String> outputs = new ArrayList<>();
        assertThat(api.get("api/v1/polls?limit=500", ADMIN_KEY).status()).isEqualTo(200);
        for (long id : pollIds) {
            api.get("api/v1/polls/" + id, ADMIN_KEY);
        }
        ApiTestClient.Response created = api.post("api/v1/reports", ADMIN_KEY, "{\"type\":\"allocation\"}");
        assertThat(created.status()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        String report = "api/v1/reports/" + id.group(1);
        api.get(report, ADMIN_KEY);
        api.get(report + "?format=csv", ADMIN_KEY);
        api.get(report + "?format=html", ADMIN_KEY);
        api.get(report + "/rebuild", ADMIN_KEY);
        api.get("api/v1/reports/allocation/live", ADMIN_KEY);
        api.get("api/v1/reports/allocation/live?format=csv", ADMIN_KEY);
        api.get("api/v1/reports/allocation/live?format=html", ADMIN_KEY);
        api.get("api/v1/sources", ADMIN_KEY);
        api.get("api/v1/alerts", ADMIN_KEY);
        api.get("health", ADMIN_KEY);
        outputs.addAll(api.everyResponseSeen());
        outputs.addAll(everyTableAndView());
        outputs.addAll(HOOK_BODIES);
        try (var files = Files.list(DELIVERED)) {
            for (Path file : files.toList()) {
                outputs.add(Files.readString(file));
            }
        }
        outputs.addAll(LOGS.lines());

        String everything = String.join("\n", outputs);
        assertThat(everything)
                .as("the failures were recorded and served")
                .contains("HTTP 401")
                .contains("HTTP 500")
                .contains(MASK);
        assertThat(HOOK_BODIES).as("the report webhook was called").isNotEmpty();
        assertThat(everything).as("the report names the failing source").contains(SOURCE);
        for (String form : everyForm()) {
            for (String output : outputs) {
                assertThat(output)
                        .as("output must not contain the credential form %s", form)
                        .doesNotContain(form);
            }
        }
    }

    private static final String MASK = "***";

    /** Every row of every table and view of the service's schemas, as PostgreSQL prints it (JSONB decoded). */
    private List<String> everyTableAndView() {
        List<String> texts = new ArrayList<>();
        for (Record relation : dsl.fetch("SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_schema IN ('public', 'analytics') AND table_name NOT LIKE 'flyway%'")) {
            String name = "\"" + relation.get(0, String.class) + "\".\"" + relation.get(1, String.class) + "\"";
            for (Record row : dsl.fetch("SELECT t::text FROM " + name + " t")) {
                texts.add(name + " " + row.get(0, String.class));
            }
        }
        return texts;
    }

    private static HttpServer webhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                HOOK_BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("delivered-reports");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
