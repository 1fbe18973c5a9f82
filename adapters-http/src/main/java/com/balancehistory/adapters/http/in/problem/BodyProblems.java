package com.balancehistory.adapters.http.in.problem;

import com.balancehistory.adapters.http.in.dto.StrictText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies and values the API cannot read, answered as a 400 problem in the client's terms: the body is not JSON
 * (and where it stops being JSON), or a field has the wrong type (which field, what it must be). These replace
 * Micronaut's own handlers, whose messages are the JSON parser's (feature names, token names, source positions).
 */
public final class BodyProblems {

    /** The parser's names for what it expected, in JSON's own words. */
    private static final Map<String, String> TOKENS = Map.of(
            "START_ARRAY", "a list",
            "END_ARRAY", "the end of a list",
            "START_OBJECT", "an object",
            "END_OBJECT", "the end of an object",
            "FIELD_NAME", "a field name",
            "VALUE_STRING", "text",
            "VALUE_NUMBER_INT", "a whole number",
            "VALUE_NUMBER_FLOAT", "a number",
            "VALUE_TRUE", "true or false",
            "VALUE_FALSE", "true or false");

    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected token \\(?([A-Z_]+)\\)?");
    private static final Pattern EXPECTED = Pattern.compile("expected:? \\(?([A-Z_]+)\\)?");

    private BodyProblems() {}

    /**
     * An optional body read as {@code type}: null when there is none, and a 400 problem as for a bound body when it is
     * not JSON or not of that shape. Micronaut hands a {@code @Nullable @Body} argument it cannot read to the route as
     * null, so a route whose body is optional reads it here instead.
     */
    public static <T> T readOptional(JsonMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, Argument.of(type));
        } catch (IOException e) {
            boolean syntax = cause(e, JsonSyntaxException.class).isPresent()
                    || cause(e, com.fasterxml.jackson.core.JsonParseException.class)
                            .isPresent();
            throw syntax ? notJson(e) : wrongType(e);
        }
    }

    /** The body is not JSON at all. */
    static ApiProblem notJson(Throwable exception) {
        String where = jacksonCause(exception)
                .map(JsonProcessingException::getLocation)
                .filter(location -> location != null && location.getLineNr() > 0)
                .map(BodyProblems::at)
                .orElse("");
        return ApiProblem.invalidRequest("body", "the request body is not valid JSON" + where);
    }

    /** The body is JSON, but a value in it does not have the type the route reads there. */
    static ApiProblem wrongType(Throwable exception) {
        String message = messageOf(exception);
        List<ReferencePath> path = cause(exception, SerdeException.class)
                .map(e -> clientPath(e, message))
                .orElse(List.of());
        String field = Optional.of(fieldOf(path))
                .filter(name -> !name.isEmpty())
                .or(() -> jacksonCause(exception).flatMap(BodyProblems::fieldOf))
                .orElse("");
        Optional<String> expected = path.isEmpty()
                ? token(EXPECTED, message)
                : expectedOf(valueAt(path.get(path.size() - 1))).or(() -> token(EXPECTED, message));
        Optional<String> got = token(UNEXPECTED, message);
        String subject = field.isEmpty() ? "the request body" : field;
        if (message.contains(StrictText.INEXACT_NUMBER)) {
            return ApiProblem.invalidParameter(
                    field.isEmpty() ? "body" : field, subject + " " + StrictText.INEXACT_NUMBER);
        }
        String detail = subject
                + expected.map(what -> " must be " + what).orElse(" does not have the type expected here")
                + got.filter(what -> !expected.equals(Optional.of(what)))
                        .map(what -> ", got " + what)
                        .orElse("");
        return ApiProblem.invalidParameter(field.isEmpty() ? "body" : field, detail);
    }

    /**
     * The path to the value at fault, outermost first. The deserializer records it innermost first, and a list that
     * is not a list at all still gets an item index, which the client never wrote.
     */
    private static List<ReferencePath> clientPath(SerdeException exception, String message) {
        List<ReferencePath> path = new ArrayList<>(exception.getPath());
        Collections.reverse(path);
        boolean notAList = token(EXPECTED, message).filter("a list"::equals).isPresent();
        if (notAList && !path.isEmpty() && path.get(path.size() - 1) instanceof CollectionItemReferencePath) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private static String at(JsonLocation location) {
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A field path as the client wrote it: {@code expenses[0].amount}. */
    private static String fieldOf(List<ReferencePath> path) {
        StringBuilder name = new StringBuilder();
        for (ReferencePath step : path) {
            if (step instanceof PropertyReferencePath property) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(property.property().getName());
            } else if (step instanceof CollectionItemReferencePath item) {
                name.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                name.append(name.isEmpty() ? "" : ".").append(entry.key());
            }
        }
        return name.toString();
    }

    /** The field the parser stood on, from its JSON pointer ({@code /expenses/0/amount}). */
    private static Optional<String> fieldOf(JsonProcessingException exception) {
        if (!(exception.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        JsonStreamContext context = parser.getParsingContext();
        StringBuilder name = new StringBuilder();
        for (String step : context.pathAsPointer().toString().split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            if (step.chars().allMatch(Character::isDigit)) {
                name.append('[').append(step).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".")
                        .append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return Optional.of(name.toString()).filter(n -> !n.isEmpty());
    }

    /** The type read at a step: a property's own, an item's the list's element type. */
    private static Argument<?> valueAt(ReferencePath step) {
        if (step instanceof CollectionItemReferencePath item) {
            return item.collectionArgument().getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        }
        if (step instanceof MapItemReferencePath entry) {
            return entry.mapArgument().getTypeVariable("V").orElse(Argument.OBJECT_ARGUMENT);
        }
        return step.getArgument();
    }

    private static Optional<String> expectedOf(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (CharSequence.class.isAssignableFrom(type) || Temporal.class.isAssignableFrom(type)) {
            return Optional.of("text");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Optional.of("a list");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Optional.of("true or false");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Optional.of("a whole number");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return Optional.of("a number");
        }
        if (type.isEnum()) {
            return Optional.of(
                    "one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
        }
        return Optional.of("an object");
    }

    private static Optional<String> token(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? Optional.ofNullable(TOKENS.get(matcher.group(1))) : Optional.empty();
    }

    private static String messageOf(Throwable exception) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }

    private static Optional<JsonProcessingException> jacksonCause(Throwable exception) {
        return cause(exception, JsonProcessingException.class);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** A body that is not JSON. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(JsonExceptionHandler.class)
    static final class NotJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, JsonSyntaxException exception) {
            return ProblemHandlers.respond(request, notJson(exception));
        }
    }

    /** The JSON parser's own exceptions, when one reaches the server unwrapped. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(JacksonExceptionHandler.class)
    @Requires(classes = JsonProcessingException.class)
    static final class JsonParserHandler implements ExceptionHandler<JsonProcessingException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, JsonProcessingException exception) {
            boolean syntax = exception instanceof com.fasterxml.jackson.core.JsonParseException;
            return ProblemHandlers.respond(request, syntax ? notJson(exception) : wrongType(exception));
        }
    }

    /**
     * A value that could not be converted to what the route takes: in the body, the field at fault; elsewhere (a path
     * or query value), the parameter by its name.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(ConversionErrorHandler.class)
    static final class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
            Argument<?> argument = exception.getArgument();
            boolean body = argument.getAnnotationMetadata().hasAnnotation(Body.class)
                    || cause(exception, SerdeException.class).isPresent()
                    || jacksonCause(exception).isPresent();
            if (body) {
                boolean syntax = cause(exception, JsonSyntaxException.class).isPresent()
                        || cause(exception, com.fasterxml.jackson.core.JsonParseException.class)
                                .isPresent();
                return ProblemHandlers.respond(request, syntax ? notJson(exception) : wrongType(exception));
            }
            String name = argument.getName();
            String expected = expectedOf(argument).orElse("another type");
            return ProblemHandlers.respond(request, ApiProblem.invalidParameter(name, name + " must be " + expected));
        }
    }
}
