package com.balancehistory.adapters.http.in.dto;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A text field of a request body, read from JSON text, or from a number or true/false as their text. Serde's JSON
 * decoder takes a one-element list for any single value (Jackson's UNWRAP_SINGLE_VALUE_ARRAYS, with no setting under
 * {@code micronaut.serde.deserialization} to turn it off), so {@code ["allocation"]} would be read as
 * {@code "allocation"}; here a list or an object is refused, in the words BodyProblems turns into "must be text, got a
 * list". A JSON number is read through the tree's double, so amounts belong in text, as the API documents them.
 */
@Singleton
public final class StrictText implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        JsonNode value = decoder.decodeNode();
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return String.valueOf(value.getBooleanValue());
        }
        if (value.isNumber()) {
            Number number = value.getNumberValue();
            if (number instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return number instanceof Double || number instanceof Float
                    ? BigDecimal.valueOf(number.doubleValue()).toPlainString()
                    : number.toString();
        }
        String token = value.isArray() ? "START_ARRAY" : "START_OBJECT";
        throw decoder.createDeserializationException("Unexpected token " + token + ", expected VALUE_STRING", null);
    }
}
