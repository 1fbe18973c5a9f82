package com.balancehistory.adapters.http.out.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Jackson set up for money: every JSON number with a fraction becomes a {@code DecimalNode} holding the exact
 * {@link java.math.BigDecimal} (never a double), duplicate keys and trailing garbage are rejected.
 */
public final class ProviderJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ProviderJson() {}

    /** Parses a whole body; anything but one JSON value is a {@link MalformedResponseException} on {@code body}. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw emptyBody();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw emptyBody();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /** A body that is not one JSON value, described by Jackson's original message only, without its excerpt. */
    static MalformedResponseException notJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return new MalformedResponseException(
                "body", "not valid JSON (line " + line + ", column " + column + "): " + message);
    }

    static MalformedResponseException emptyBody() {
        return new MalformedResponseException("body", "empty body, expected JSON");
    }

    /** Parses without throwing, for error bodies that may not be JSON at all. */
    public static JsonNode tryParse(String body) {
        try {
            return parse(body);
        } catch (MalformedResponseException e) {
            return null;
        }
    }
}
