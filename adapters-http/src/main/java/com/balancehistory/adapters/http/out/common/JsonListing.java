package com.balancehistory.adapters.http.out.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A body whose top-level object holds one listing array (Ahrvo's {@code data}, Equals Money's {@code rows}), read as
 * a stream: each element is read as a small tree and handed to the caller at once, so a poll holds one element's tree
 * at a time, never a tree of the whole listing (100,000 budgets as one tree took more heap than the README's command
 * gives). The other top-level fields are kept as a tree in {@link #root()}.
 *
 * <p>Errors are the same, word for word, as {@link ProviderJson#parse} followed by {@link JsonCursor#objects}: the
 * whole body is read before anything is reported, so a syntax error anywhere wins as it did, and a listing that is
 * not an array of objects is reported by {@link #size()} only, after the caller has checked the fields it checked
 * before the listing. What the caller built from the elements is to be dropped when any of that fails.
 */
public final class JsonListing {

    private static final ObjectReader ELEMENT_READER =
            ProviderJson.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonCursor root;
    private final String field;
    private final boolean streamed;
    private final int size;
    private final MalformedResponseException elementError;

    private JsonListing(
            JsonCursor root, String field, boolean streamed, int size, MalformedResponseException elementError) {
        this.root = root;
        this.field = field;
        this.streamed = streamed;
        this.size = size;
        this.elementError = elementError;
    }

    /**
     * Reads {@code body}, handing the first {@code handOver} elements of the array {@code field} to {@code element}
     * in order, each as a cursor named by its path ({@code data[3]}); the elements beyond are only counted, so a
     * listing over the caller's limit costs no memory for them.
     */
    public static JsonListing read(String body, String field, int handOver, Consumer<JsonCursor> element) {
        if (body == null || body.isBlank()) {
            throw ProviderJson.emptyBody();
        }
        try (JsonParser parser = ProviderJson.MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProviderJson.emptyBody();
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                throw new MalformedResponseException("body", "expected a JSON object, got " + typeOf(first));
            }
            ObjectNode head = ProviderJson.MAPPER.createObjectNode();
            boolean streamed = false;
            int size = 0;
            MalformedResponseException elementError = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals(field) || value != JsonToken.START_ARRAY) {
                    head.set(name, ELEMENT_READER.readTree(parser));
                    continue;
                }
                streamed = true;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    String path = field + "[" + size + "]";
                    if (token != JsonToken.START_OBJECT) {
                        if (elementError == null) {
                            elementError =
                                    new MalformedResponseException(path, "expected an object, got " + typeOf(token));
                        }
                        parser.skipChildren();
                    } else if (elementError != null || size >= handOver) {
                        parser.skipChildren();
                    } else {
                        element.accept(JsonCursor.element(ELEMENT_READER.readTree(parser), path));
                    }
                    size++;
                }
            }
            requireEnd(parser);
            return new JsonListing(JsonCursor.root(head), field, streamed, size, elementError);
        } catch (JsonProcessingException e) {
            throw ProviderJson.notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a body held in memory", e);
        }
    }

    /** The top-level object without the listing's elements. */
    public JsonCursor root() {
        return root;
    }

    /**
     * How many elements the listing holds, once it is known to be an array of objects; else the error naming the
     * field ({@code data: expected an array, got nothing (field missing)}) or the first element that is not an object.
     */
    public int size() {
        if (!streamed) {
            root.objects(field); // absent or not an array: throws as it always did
        }
        if (elementError != null) {
            throw elementError;
        }
        return size;
    }

    /** As {@code FAIL_ON_TRAILING_TOKENS} does for a whole tree: nothing may follow the one value. */
    private static void requireEnd(JsonParser parser) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(
                    parser,
                    JsonNode.class,
                    String.format(
                            "Trailing token (of type %s) found after value (bound as %s): not allowed as per"
                                    + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                            trailing, ClassUtil.nameOf(JsonNode.class)));
        }
    }

    /** The name {@link JsonCursor} gives the JSON type that starts with this token. */
    private static String typeOf(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }
}
