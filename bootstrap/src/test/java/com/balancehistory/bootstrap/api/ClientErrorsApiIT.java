package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mistakes in a request are answered in the client's terms on the real service: a body that is not JSON, a field of
 * the wrong type, a time outside what can be stored are each a 400 problem naming what was wrong, never a parser's
 * internals (feature names, class names, source positions) and never a 500.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientErrorsApiIT extends ServiceTestSupport {

    static final String ADMIN_KEY = "admin-key-" + UUID.randomUUID();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    ApiTestClient api;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none()
                .hashedApiKey("client-errors-admin", "admin", ADMIN_KEY)
                .asMap();
    }

    @BeforeAll
    void client() {
        api = ApiTestClient.of(server);
    }

    @Test
    void a_body_that_is_not_json_is_a_400_saying_so_without_parser_internals() {
        for (String path : new String[] {"api/v1/reports", "api/v1/cards/no-such-card/purchase-check"}) {
            for (String body : new String[] {"{not json", "{\"amount\": ", "amount=1"}) {
                JsonNode problem = problem(api.post(path, ADMIN_KEY, body), "body");
                assertThat(text(problem, "type")).isEqualTo("/problems/invalid-request");
                assertThat(text(problem, "detail"))
                        .as(path + " " + body)
                        .startsWith("the request body is not valid JSON");
            }
        }
        JsonNode where = problem(api.post("api/v1/reports", ADMIN_KEY, "{\"type\": \"allocation\",\n oops}"), "body");
        assertThat(text(where, "detail")).isEqualTo("the request body is not valid JSON (at line 2, column 2)");
    }

    @Test
    void a_field_of_the_wrong_type_is_a_400_naming_the_field() {
        JsonNode expenses =
                problem(api.post("api/v1/cards/no-such-card/plan", ADMIN_KEY, "{\"expenses\":\"lunch\"}"), "expenses");
        assertThat(text(expenses, "type")).isEqualTo("/problems/invalid-parameter");
        assertThat(text(expenses, "detail")).isEqualTo("expenses must be a list, got text");

        JsonNode item = problem(
                api.post("api/v1/cards/no-such-card/plan", ADMIN_KEY, "{\"expenses\":[\"lunch\"]}"), "expenses[0]");
        assertThat(text(item, "detail")).isEqualTo("expenses[0] must be an object, got text");

        JsonNode amount = problem(
                api.post(
                        "api/v1/cards/no-such-card/plan",
                        ADMIN_KEY,
                        "{\"expenses\":[{\"description\":\"lunch\",\"amount\":{\"value\":1}}]}"),
                "expenses[0].amount");
        assertThat(text(amount, "detail")).isEqualTo("expenses[0].amount must be text, got an object");

        JsonNode type = problem(api.post("api/v1/reports", ADMIN_KEY, "{\"type\":{\"name\":\"allocation\"}}"), "type");
        assertThat(text(type, "detail")).isEqualTo("type must be text, got an object");

        JsonNode number = problem(api.post("api/v1/cards/no-such-card/plan", ADMIN_KEY, "42"), "body");
        assertThat(text(number, "detail")).isEqualTo("the request body must be an object, got a whole number");
    }

    @Test
    void a_body_of_another_shape_than_the_route_reads_is_a_400_naming_what_was_wrong() {
        JsonNode number = problem(api.post("api/v1/reports", ADMIN_KEY, "42"), "body");
        assertThat(text(number, "type")).isEqualTo("/problems/invalid-parameter");
        assertThat(text(number, "detail")).isEqualTo("the request body must be an object, got a whole number");

        JsonNode listed = problem(api.post("api/v1/reports", ADMIN_KEY, "{\"type\":[\"allocation\"]}"), "type");
        assertThat(text(listed, "detail")).isEqualTo("type must be text, got a list");

        JsonNode amount = problem(
                api.post(
                        "api/v1/cards/no-such-card/purchase-check",
                        ADMIN_KEY,
                        "{\"amount\":[\"10.00\"],\"currency\":\"EUR\"}"),
                "amount");
        assertThat(text(amount, "detail")).isEqualTo("amount must be text, got a list");

        JsonNode item = problem(
                api.post(
                        "api/v1/cards/no-such-card/plan",
                        ADMIN_KEY,
                        "{\"expenses\":[{\"description\":[\"lunch\"],\"amount\":\"1.00\"}]}"),
                "expenses[0].description");
        assertThat(text(item, "detail")).isEqualTo("expenses[0].description must be text, got a list");
    }

    @Test
    void an_amount_sent_as_a_json_number_too_long_to_be_exact_is_a_400_asking_for_text() {
        JsonNode inexact = problem(
                api.post(
                        "api/v1/cards/no-such-card/purchase-check",
                        ADMIN_KEY,
                        "{\"amount\":12345678901234.567,\"currency\":\"EUR\"}"),
                "amount");
        assertThat(text(inexact, "detail"))
                .isEqualTo("amount is a number of more than 15 significant digits, which JSON numbers do not carry"
                        + " exactly: send it as text");
    }

    @Test
    void the_sign_in_form_still_reads_its_fields_as_text_while_json_text_fields_are_strict() {
        ApiTestClient.Response signedIn = api.send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "key=" + URLEncoder.encode(ADMIN_KEY, StandardCharsets.UTF_8))),
                null);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/dashboard");
        assertThat(signedIn.header("Set-Cookie")).isNotBlank();
    }

    @Test
    void times_outside_years_1_to_9999_are_a_400_naming_the_parameter() {
        for (String query : new String[] {
            "api/v1/balances?asOf=%2B999999999-12-31T23:59:59Z",
            "api/v1/balances?asOf=-999999999-01-01T00:00:00Z",
            "api/v1/reports?from=%2B10000-01-01",
            "api/v1/alerts/history?to=%2B999999999-12-31T23:59:59Z",
            "api/v1/export/snapshots?from=0000-12-31T23:59:59Z",
            "api/v1/fx-rates?asOf=%2B999999999-12-31",
        }) {
            ApiTestClient.Response response = api.get(query, ADMIN_KEY);
            String parameter = query.substring(query.indexOf('?') + 1, query.indexOf('='));
            JsonNode problem = problem(response, parameter);
            assertThat(text(problem, "detail")).as(query).contains("between 0001-01-01 and 9999-12-31");
        }
    }

    /** The response is a 400 problem naming {@code parameter}, with nothing of the parser's internals in it. */
    private JsonNode problem(ApiTestClient.Response response, String parameter) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body())
                .doesNotContainIgnoringCase("jackson")
                .doesNotContain("StreamReadFeature")
                .doesNotContain("com.fasterxml")
                .doesNotContain("java.lang")
                .doesNotContain("io.micronaut")
                .doesNotContain("com.balancehistory")
                .doesNotContain("line: ")
                .doesNotContain("Source:");
        JsonNode problem = ApiJson.body(json, response);
        assertThat(text(problem, "parameter")).as(response.body()).isEqualTo(parameter);
        assertThat(text(problem, "status")).isEqualTo("400");
        return problem;
    }
}
