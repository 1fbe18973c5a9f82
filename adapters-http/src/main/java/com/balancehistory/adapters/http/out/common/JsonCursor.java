package com.balancehistory.adapters.http.out.common;

import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.InvalidAmountException;
import com.balancehistory.domain.money.Money;
import com.balancehistory.domain.money.UnknownCurrencyException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Reads one JSON object strictly, naming the exact path of any field that is missing or of the wrong type:
 * {@code data[1].balance: expected a decimal string, got number}. Unknown extra fields are ignored.
 */
public final class JsonCursor {

    private final JsonNode node;
    private final String path;

    private JsonCursor(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** One element of a listing read as a stream, named by its path ({@code data[3]}); it is an object. */
    static JsonCursor element(JsonNode node, String path) {
        return new JsonCursor(node, path);
    }

    /** The body's top level, which must be an object. */
    public static JsonCursor root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException("body", "expected a JSON object, got " + typeOf(node));
        }
        return new JsonCursor(node, "");
    }

    /** The object read, for comparing two ways of reading one body. */
    JsonNode node() {
        return node;
    }

    public String path() {
        return path.isEmpty() ? "body" : path;
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return value == null ? null : value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        return !absent(raw(name));
    }

    /** A required nested object. */
    public JsonCursor object(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isObject()) {
            throw new MalformedResponseException(pathOf(name), "expected an object, got " + typeOf(value));
        }
        return new JsonCursor(value, pathOf(name));
    }

    /** A required array of objects. */
    public List<JsonCursor> objects(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isArray()) {
            throw new MalformedResponseException(pathOf(name), "expected an array, got " + typeOf(value));
        }
        List<JsonCursor> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (!element.isObject()) {
                throw new MalformedResponseException(elementPath, "expected an object, got " + typeOf(element));
            }
            out.add(new JsonCursor(element, elementPath));
        }
        return out;
    }

    /** A required, non-blank string. */
    public String text(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedResponseException(pathOf(name), "expected a string, got " + typeOf(value));
        }
        if (value.textValue().isBlank()) {
            throw new MalformedResponseException(pathOf(name), "expected a non-empty string");
        }
        return value.textValue();
    }

    /** A required string that may be empty. */
    public String string(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedResponseException(pathOf(name), "expected a string, got " + typeOf(value));
        }
        return value.textValue();
    }

    /** An optional string: absent or null gives empty, any other type is an error. */
    public Optional<String> optionalText(String name) {
        JsonNode value = raw(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedResponseException(pathOf(name), "expected a string, got " + typeOf(value));
        }
        return Optional.of(value.textValue());
    }

    /** The text of an id field to name a malformed element by, or {@code fallback} when it has no usable one. */
    public String idOr(String name, String fallback) {
        try {
            return optionalText(name).filter(id -> id.length() <= 200).orElse(fallback);
        } catch (MalformedResponseException notText) {
            return fallback;
        }
    }

    /** A required whole number. */
    public long integer(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedResponseException(pathOf(name), "expected a whole number, got " + typeOf(value));
        }
        return value.longValue();
    }

    /** An optional whole number (absent or null gives empty). */
    public Optional<Long> optionalInteger(String name) {
        return has(name) ? Optional.of(integer(name)) : Optional.empty();
    }

    /** A required amount written as a decimal string ({@code "45250.75"}); a JSON number is an error. */
    public BigDecimal decimalString(String name) {
        JsonNode value = raw(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedResponseException(pathOf(name), "expected a decimal string, got " + typeOf(value));
        }
        return parseDecimal(name, value.textValue());
    }

    /** A required amount written as a JSON number or as a decimal string; both are read exactly. */
    public BigDecimal decimal(String name) {
        JsonNode value = raw(name);
        if (value != null && value.isTextual()) {
            return parseDecimal(name, value.textValue());
        }
        if (value == null || !value.isNumber()) {
            throw new MalformedResponseException(
                    pathOf(name), "expected a number or a decimal string, got " + typeOf(value));
        }
        if (value.isIntegralNumber()) {
            return bounded(name, new BigDecimal(value.bigIntegerValue()));
        }
        if (value.isBigDecimal()) {
            return bounded(name, value.decimalValue());
        }
        // ProviderJson reads every fraction as BigDecimal; a double here means the mapper was set up wrongly
        throw new IllegalStateException(pathOf(name) + " was parsed as a binary floating-point number");
    }

    /** An optional amount (absent or null gives empty); a present value must be a number or a decimal string. */
    public Optional<BigDecimal> optionalDecimal(String name) {
        return has(name) ? Optional.of(decimal(name)) : Optional.empty();
    }

    /** A JSON number (exponent notation included) only within what an amount can be, never expanded first. */
    private BigDecimal bounded(String name, BigDecimal number) {
        try {
            return Money.requireBounded(number);
        } catch (InvalidAmountException e) {
            throw new MalformedResponseException(pathOf(name), e.getMessage());
        }
    }

    private BigDecimal parseDecimal(String name, String text) {
        try {
            return Money.parseDecimal(text);
        } catch (InvalidAmountException e) {
            throw new MalformedResponseException(pathOf(name), e.getMessage());
        }
    }

    /** An amount as money in this currency, rejecting more decimals than the currency has. */
    public Money money(String name, BigDecimal amount, Currency currency) {
        try {
            return Money.of(amount, currency);
        } catch (InvalidAmountException e) {
            throw new MalformedResponseException(pathOf(name), e.getMessage());
        }
    }

    /** Requires the amount not to be negative (where the provider promises none). */
    public BigDecimal nonNegative(String name, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new MalformedResponseException(pathOf(name), "must not be negative, got " + amount.toPlainString());
        }
        return amount;
    }

    /** A required ISO 4217 currency code. */
    public Currency currency(String name) {
        String code = text(name);
        try {
            return CurrencyCodes.require(code);
        } catch (UnknownCurrencyException e) {
            throw new MalformedResponseException(pathOf(name), e.getMessage());
        }
    }

    /** A required ISO-8601 instant such as {@code 2026-04-05T14:30:00.000Z}. */
    public Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new MalformedResponseException(
                        pathOf(name),
                        "expected an ISO-8601 timestamp, got '"
                                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
            }
        }
    }

    /** An error at a field of this object, for checks the cursor cannot know. */
    public MalformedResponseException error(String name, String problem) {
        return new MalformedResponseException(pathOf(name), problem);
    }

    static String typeOf(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (field missing)";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
