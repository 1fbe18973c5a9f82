package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.auth.AdminOnly;
import com.balancehistory.adapters.http.in.auth.ApiKeyFilter;
import com.balancehistory.adapters.http.in.dto.FxRatesResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.fx.ManageFxRatesUseCase;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.InvalidFxRateException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Exchange rates: the rates in force (reader), every stored version ({@code history=true}), and a new version (admin).
 * A PUT never changes a stored rate: it adds a version, and for a pair and date the newest version wins.
 */
@Controller("/api/v1/fx-rates")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "fx-rates")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class FxRatesController {

    static final int MAX_RATES = 1000;
    private static final Set<String> FIELDS = Set.of("from", "to", "rate", "date", "source");
    // numbers are read exactly: a JSON 1.0834 becomes BigDecimal 1.0834, never a double
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ManageFxRatesUseCase rates;
    private final Clock clock;

    public FxRatesController(ManageFxRatesUseCase rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getFxRates",
            summary = "Exchange rates in force, or every stored version",
            description = "Without history: per pair (direct pairs only, never inverted or chained), the newest rate "
                    + "dated at or before asOf (default now; a rate dated D applies from 00:00 UTC of D), combined "
                    + "from configuration and stored versions (the newer date wins; on the same date the stored rate, "
                    + "and the later version), each with origin, version and stale. history=true: the configured "
                    + "rates and every stored version, oldest first.")
    public FxRatesResponse get(
            @Parameter(
                            description = "ISO-8601 time the rates are in force at (default now)",
                            example = "2026-11-30T23:59:59Z")
                    @Schema(type = "string", format = "date-time")
                    @QueryValue
                    @Nullable
                    String asOf,
            @Parameter(description = "true: every stored version instead of the rates in force", example = "true")
                    @Schema(type = "boolean")
                    @QueryValue
                    @Nullable
                    String history) {
        if (Params.bool("history", history).orElse(false)) {
            if (asOf != null) {
                throw ApiProblem.invalidParameter("asOf", "asOf and history=true do not go together");
            }
            return FxRatesResponse.history(rates.staleAfter(), rates.configured(), rates.history());
        }
        Instant at = Params.instant("asOf", asOf).orElseGet(clock::instant);
        return FxRatesResponse.inForce(at, rates.staleAfter(), rates.ratesAt(at));
    }

    @Put(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @AdminOnly
    @Operation(
            operationId = "putFxRates",
            summary = "Store exchange rates as a new version (admin)",
            description = "The body is a list of rates, each {from, to, rate, date, source}: two different ISO 4217 "
                    + "codes, a positive rate as exact decimal text or a JSON number (at most 12 digits before and "
                    + "after the point), an ISO date and who published it. Nothing stored is changed: the rates "
                    + "become the next version, and for the same pair and date they replace earlier versions and "
                    + "configured rates. Two different rates for one pair and date in one body are refused.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            array = @ArraySchema(schema = @Schema(implementation = FxRatesResponse.Rate.class))))
    @ApiResponse(responseCode = "201", description = "the stored version")
    @ApiResponse(
            responseCode = "403",
            description = "not an admin key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FxRatesResponse.Version> put(HttpRequest<?> request, @Body @Nullable String body) {
        List<FxRate> parsed = parse(body);
        String storedBy = request.getAttribute(ApiKeyFilter.KEY_NAME_ATTRIBUTE, String.class)
                .orElse("unknown");
        try {
            return HttpResponse.created(FxRatesResponse.Version.of(rates.store(parsed, storedBy)))
                    .header(HttpHeaders.LOCATION, "/api/v1/fx-rates?history=true");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("rates", e.getMessage());
        }
    }

    static List<FxRate> parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalidParameter(
                    "rates", "the body must be a JSON list of rates {from, to, rate, date, source}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalidParameter("rates", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw ApiProblem.invalidParameter(
                    "rates", "the body must be a JSON list of rates {from, to, rate, date, source}");
        }
        if (root.isEmpty()) {
            throw ApiProblem.invalidParameter("rates", "at least one rate is needed");
        }
        if (root.size() > MAX_RATES) {
            throw ApiProblem.invalidParameter("rates", "at most " + MAX_RATES + " rates per version");
        }
        List<FxRate> parsed = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String at = "rates[" + i + "]";
            JsonNode entry = root.get(i);
            if (!entry.isObject()) {
                throw ApiProblem.invalidParameter(at, at + " must be an object {from, to, rate, date, source}");
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw ApiProblem.invalidParameter(
                            at + "." + Params.shorten(name), "unknown field (a rate has from, to, rate, date, source)");
                }
            }
            try {
                parsed.add(FxRate.parse(
                        text(entry, "from"),
                        text(entry, "to"),
                        text(entry, "rate"),
                        text(entry, "date"),
                        text(entry, "source")));
            } catch (InvalidFxRateException e) {
                throw ApiProblem.invalidParameter(at + "." + e.field(), at + "." + e.field() + ": " + e.reason());
            }
        }
        return parsed;
    }

    /** A field as text; a JSON number as its exact decimal (never through double). */
    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new InvalidFxRateException(field, "must be text" + (field.equals("rate") ? " or a number" : ""));
    }
}
