package com.balancehistory.adapters.http.in.report;

import com.balancehistory.adapters.http.in.ApiDocumentation;
import com.balancehistory.adapters.http.in.Idempotency;
import com.balancehistory.adapters.http.in.Params;
import com.balancehistory.adapters.http.in.auth.AdminOnly;
import com.balancehistory.adapters.http.in.dto.ReportListResponse;
import com.balancehistory.adapters.http.in.dto.ReportRebuildResponse;
import com.balancehistory.adapters.http.in.dto.ReportSummaryResponse;
import com.balancehistory.adapters.http.in.dto.StoredReportResponse;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.BodyProblems;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.port.in.RunOnceUseCase;
import com.balancehistory.application.port.in.report.GenerateReportUseCase;
import com.balancehistory.application.port.in.report.QueryReportsUseCase;
import com.balancehistory.application.port.in.report.StoredReport;
import com.balancehistory.application.port.in.report.UnknownReportTypeException;
import com.balancehistory.application.port.out.report.ReportRenderer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Stored allocation reports (list, one, rebuilt), generating one now (admin), and the live report. A report is JSON by
 * default, CSV with {@code Accept: text/csv} or {@code ?format=csv}, HTML with {@code Accept: text/html} or
 * {@code ?format=html}; {@code format} wins over {@code Accept}.
 */
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
@Tag(name = "reports")
public class ReportsController {

    static final MediaType CSV = MediaType.of("text/csv");
    static final int DEFAULT_LIMIT = 50;

    private final QueryReportsUseCase reports;
    private final GenerateReportUseCase generator;
    private final ReportRenderer renderer;
    private final RunOnceUseCase once;
    private final JsonMapper jsonMapper;

    public ReportsController(
            QueryReportsUseCase reports,
            GenerateReportUseCase generator,
            ReportRenderer renderer,
            RunOnceUseCase once,
            JsonMapper jsonMapper) {
        this.once = once;
        this.jsonMapper = jsonMapper;
        this.reports = reports;
        this.generator = generator;
        this.renderer = renderer;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReports", summary = "Stored reports, newest first; type, from and to filter them")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    public ReportListResponse list(
            @QueryValue @Nullable String type,
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String from,
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String to,
            @Schema(type = "integer", format = "int32", minimum = "1") @QueryValue @Nullable String limit) {
        ReportFilter filter = new ReportFilter(
                Params.text("type", type),
                Params.instant("from", from),
                Params.instant("to", to),
                Params.integer("limit", limit, DEFAULT_LIMIT, 1, ReportFilter.MAX_LIMIT));
        return new ReportListResponse(
                reports.list(filter).stream().map(ReportSummaryResponse::of).toList());
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @AdminOnly
    @Operation(
            operationId = "generateReport",
            summary = "Generate and store an allocation report now (admin key): 201 with the report and its Location")
    @ApiResponse(
            responseCode = "201",
            description = "the stored report, with Location: /api/v1/reports/{id}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoredReportResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @ApiResponse(responseCode = "403", ref = ApiDocumentation.FORBIDDEN)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GenerateReportRequest.class)))
    public HttpResponse<StoredReportResponse> generate(
            @Body @Nullable String body, @Header(Idempotency.HEADER) @Nullable String idempotencyKey) {
        GenerateReportRequest request = BodyProblems.readOptional(jsonMapper, body, GenerateReportRequest.class);
        String type = request == null || request.type() == null ? AllocationReport.TYPE : request.type();
        Optional<String> groupBy = Params.labelKey("groupBy", request == null ? null : request.groupBy());
        Optional<Currency> convertTo = convertTo(request == null ? null : request.convertTo());
        RunOnceUseCase.Once run;
        try {
            run = Idempotency.run(
                    once,
                    "reports",
                    idempotencyKey,
                    () -> generator.generateNow(type, groupBy, convertTo).id());
        } catch (UnknownReportTypeException e) {
            throw ApiProblem.invalidParameter("type", e.getMessage());
        }
        StoredReport report = reports.find(run.resourceId())
                .orElseThrow(() -> new IllegalStateException("report " + run.resourceId() + " is not stored"));
        MutableHttpResponse<StoredReportResponse> response =
                HttpResponse.created(stored(report)).header(HttpHeaders.LOCATION, "/api/v1/reports/" + report.id());
        return run.repeated() ? response.header(Idempotency.REPLAYED_HEADER, "true") : response;
    }

    @Get(
            uri = "/allocation/live",
            produces = {MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
    @Operation(
            operationId = "getLiveAllocationReport",
            summary = "The allocation report computed now, not stored",
            description = "groupBy=<label key> adds the per-label section labelGroups: per value of that label (then "
                    + "(unlabelled)) and currency, count, total and share of the currency, and the cards' remaining "
                    + "limits and utilization per period. convertTo=<ISO code> adds convertedTotal: the currencies' "
                    + "totals in that currency with the rates in force now, every rate used, rounded once half-even "
                    + "at its scale, partial with the missing currencies; with both, each label group gets its own "
                    + "convertedTotal with the same rates; in JSON, CSV (converted-rate, converted-missing, "
                    + "converted-total rows, and label-group-converted-* rows per group) and HTML.")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    public HttpResponse<byte[]> live(
            @Schema(allowableValues = {"json", "csv", "html"}) @QueryValue @Nullable String format,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept,
            @Parameter(description = "a label key: add the per-label section grouped by it", example = "department")
                    @QueryValue
                    @Nullable
                    String groupBy,
            @Parameter(
                            description = "an ISO 4217 code: add the totals converted into it (the report's, and with "
                                    + "groupBy each label group's)",
                            example = "EUR")
                    @QueryValue
                    @Nullable
                    String convertTo) {
        AllocationReport report = reports.live(Params.labelKey("groupBy", groupBy), convertTo(convertTo));
        return render(format, accept, Optional.empty(), report, () -> renderer.json(report));
    }

    @Get(
            uri = "/{id}",
            produces = {MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
    @Operation(operationId = "getReport", summary = "One stored report, as JSON, CSV or HTML")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
    @ApiResponse(
            responseCode = "404",
            description = "no stored report has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> one(
            @Schema(type = "integer", format = "int64") @PathVariable String id,
            @Schema(allowableValues = {"json", "csv", "html"}) @QueryValue @Nullable String format,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        StoredReport report = reports.find(reportId(id)).orElseThrow(() -> notFound(id));
        if (chosenFormat(format, accept).equals("json")) {
            return HttpResponse.ok(stored(report)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return render(format, accept, Optional.of(report.summary()), report.content(), report::contentJson);
    }

    /** The stored report's content computed again from the snapshots at its as-of time, and whether it is equal. */
    @Get(uri = "/{id}/rebuild", produces = MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rebuildReport",
            summary = "The stored report computed again from the snapshots at its as-of time, and whether it is equal")
    @ApiResponse(
            responseCode = "404",
            description = "no stored report has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportRebuildResponse rebuild(@Schema(type = "integer", format = "int64") @PathVariable String id) {
        long reportId = reportId(id);
        StoredReport stored = reports.find(reportId).orElseThrow(() -> notFound(id));
        AllocationReport rebuilt = reports.rebuild(reportId).orElseThrow(() -> notFound(id));
        return new ReportRebuildResponse(reportId, rebuilt.equals(stored.content()), tree(renderer.json(rebuilt)));
    }

    private static Optional<Currency> convertTo(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(Params.currency("convertTo", code));
    }

    private HttpResponse<byte[]> render(
            String format,
            String accept,
            Optional<ReportSummary> summary,
            AllocationReport report,
            java.util.function.Supplier<String> json) {
        return switch (chosenFormat(format, accept)) {
            case "csv" ->
                HttpResponse.ok(renderer.csv(report).getBytes(StandardCharsets.UTF_8))
                        .contentType(MediaType.of("text/csv; charset=utf-8"))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "inline; filename=\"allocation-report"
                                        + summary.map(s -> "-" + s.id()).orElse("-live") + ".csv\"");
            case "html" ->
                HttpResponse.ok(renderer.html(summary, report).getBytes(StandardCharsets.UTF_8))
                        .contentType(MediaType.of("text/html; charset=utf-8"));
            default ->
                HttpResponse.ok(json.get().getBytes(StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_JSON_TYPE);
        };
    }

    static String chosenFormat(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv") && !f.equals("html")) {
                throw ApiProblem.invalidParameter(
                        "format", "format must be json, csv or html, got '" + Params.shorten(format) + "'");
            }
            return f;
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains("application/json")) {
            return "json";
        }
        if (a.contains("text/csv")) {
            return "csv";
        }
        if (a.contains("text/html")) {
            return "html";
        }
        return "json";
    }

    private StoredReportResponse stored(StoredReport report) {
        return new StoredReportResponse(ReportSummaryResponse.of(report.summary()), tree(report.contentJson()));
    }

    /** Report JSON as a tree that is written back as it reads, its fields in their order. */
    private JsonNode tree(String json) {
        try {
            return jsonMapper.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException("report content is not JSON", e);
        }
    }

    private static long reportId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("report " + Params.shorten(id), "no report '" + Params.shorten(id) + "'");
    }
}
