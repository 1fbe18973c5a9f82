package com.balancehistory.adapters.http.in.dto;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A text field of a JSON request body, named per field with {@code @Serdeable.Deserializable(using =
 * StrictText.class)}. Serde's JSON decoder takes a one-element list for any single value (with no setting under
 * {@code micronaut.serde.deserialization} to turn it off), so {@code ["allocation"]} would be read as
 * {@code "allocation"}; here a list or an object is refused, in the words {@code BodyProblems} turns into "must be
 * text, got a list". JSON text, true/false and whole numbers are read as their text.
 *
 * <p>It is a {@code Deserializer<Object>} on purpose: Serde makes every other deserializer bean the reader of its
 * type argument everywhere (a {@code Deserializer<String>} bean would read every text value, form fields included),
 * and skips only those of {@code Object}, so this one reads only the fields that name it.
 *
 * <p>A JSON number with a fraction reaches a deserializer only as a double. A decimal of up to 15 significant digits
 * survives that exactly (and its shortest text is the same number), so amounts such as {@code 450.00} are read as
 * sent; a longer one would be rounded and is refused, to be sent as text.
 */
@Singleton
public final class StrictText implements Deserializer<Object> {

    /** The words {@code BodyProblems} finds to say why a number was refused. */
    public static final String INEXACT_NUMBER =
            "is a number of more than 15 significant digits, which JSON numbers do not carry exactly: send it as text";

    private static final int EXACT_DOUBLE_DIGITS = 15;

    @Override
    public Object deserialize(Decoder decoder, DecoderContext context, Argument<? super Object> type)
            throws IOException {
        JsonNode value = decoder.decodeNode();
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isBoolean()) {
            return String.valueOf(value.getBooleanValue());
        }
        if (value.isNumber()) {
            return exactText(decoder, value.getNumberValue());
        }
        String token = value.isArray() ? "START_ARRAY" : "START_OBJECT";
        throw decoder.createDeserializationException("Unexpected token " + token + ", expected VALUE_STRING", null);
    }

    private static String exactText(Decoder decoder, Number number) throws IOException {
        if (!(number instanceof Double || number instanceof Float)) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        BigDecimal shortest = BigDecimal.valueOf(number.doubleValue());
        if (shortest.stripTrailingZeros().precision() > EXACT_DOUBLE_DIGITS) {
            throw decoder.createDeserializationException(INEXACT_NUMBER, null);
        }
        return shortest.toPlainString();
    }
}
