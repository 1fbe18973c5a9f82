package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the API's JSON answers in tests. */
final class ApiJson {

    private ApiJson() {}

    static JsonNode body(JsonMapper json, ApiTestClient.Response response) {
        try {
            return json.readValue(response.body(), JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The body of a response that must be 200 OK. */
    static JsonNode ok(JsonMapper json, ApiTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return body(json, response);
    }

    /** A field as text, whatever its JSON type; null when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.coerceStringValue();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }
}
