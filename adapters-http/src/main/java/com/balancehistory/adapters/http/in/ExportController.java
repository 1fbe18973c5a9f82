package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.BalanceItem;
import com.balancehistory.adapters.http.in.dto.MonthEndItem;
import com.balancehistory.adapters.http.in.dto.SnapshotItem;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.ExportHistoryUseCase;
import com.balancehistory.domain.account.Label;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Exports, streamed row by row from a database cursor. */
@Controller("/api/v1/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "export")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class ExportController {

    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");

    private final ExportHistoryUseCase export;
    private final JsonMapper json;
    private final Clock clock;
    private final ExportGate gate;

    public ExportController(ExportHistoryUseCase export, JsonMapper json, Clock clock, ExportGate gate) {
        this.export = export;
        this.gate = gate;
        this.json = json;
        this.clock = clock;
    }

    @Get(
            uri = "/balances",
            produces = {"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportBalances",
            summary = "Every account's latest balance as CSV (default) or a JSON array, streamed",
            description = "format=csv|json, else Accept: text/csv or application/json; format wins. "
                    + "label=key:value (repeatable, all must hold) keeps the accounts that have those labels now. "
                    + "asOf=<instant>: each account's balance as last observed at or before it instead (labels as "
                    + "they held then), with the columns as_of, poll_id, age_at_as_of (ISO-8601 duration), "
                    + "stale_at_as_of, gone, gone_at and last_poll_failed_at added (JSON: the fields of "
                    + "GET /api/v1/balances?asOf).")
    public StreamedFile balances(
            @Schema(allowableValues = {"csv", "json"}) @QueryValue @Nullable String format,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept,
            @Parameter(description = "key:value, repeatable: accounts with every one of these labels now")
                    @QueryValue("label")
                    @Nullable
                    List<String> label,
            @Parameter(
                            description = "an ISO-8601 instant: balances as last observed at or before it",
                            example = "2026-11-30T23:59:59Z")
                    @Schema(type = "string", format = "date-time")
                    @QueryValue
                    @Nullable
                    String asOf) {
        String chosen = format(format, accept);
        List<Label> labels = Params.labels("label", label);
        Optional<Instant> at = Params.instant("asOf", asOf);
        return streamed(
                chosen,
                "balances",
                () -> at.isPresent() ? export.balancesAsOf(at.get(), labels) : export.currentBalances(labels),
                this::jsonItem,
                at.isPresent() ? ExportCsv::balanceAsOf : ExportCsv::balance,
                at.isPresent() ? ExportCsv.AS_OF_COLUMNS : ExportCsv.BALANCE_COLUMNS);
    }

    @Get(
            uri = "/month-end",
            produces = {"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportMonthEnd",
            summary = "Every account's balance at the end of each month, as CSV (default) or a JSON array, streamed",
            description = "One row per account and month from `from` to `to` (both included, at most "
                    + ExportHistoryUseCase.MAX_MONTHS + " months), ordered by month, then account id: the balance "
                    + "as last observed at the end of that month in `zone` (the last instant before the next month "
                    + "starts there, to the microsecond), the observation used (observed_at, poll_id) and its age "
                    + "then. The columns of /export/balances?asOf with month first; JSON: objects with month and "
                    + "balance (a balance as GET /api/v1/balances?asOf gives it). label=key:value (repeatable) as they held at each "
                    + "month's end.")
    public StreamedFile monthEnd(
            @Parameter(description = "the first month, YYYY-MM", example = "2026-01", required = true)
                    @QueryValue
                    @Nullable
                    String from,
            @Parameter(description = "the last month, YYYY-MM (included)", example = "2026-11", required = true)
                    @QueryValue
                    @Nullable
                    String to,
            @Parameter(description = "IANA time zone whose months are meant (default UTC)", example = "Europe/London")
                    @QueryValue
                    @Nullable
                    String zone,
            @Schema(allowableValues = {"csv", "json"}) @QueryValue @Nullable String format,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept,
            @Parameter(description = "key:value, repeatable: accounts with every one of these labels at month end")
                    @QueryValue("label")
                    @Nullable
                    List<String> label) {
        String chosen = format(format, accept);
        YearMonth first = Params.month("from", from);
        YearMonth last = Params.month("to", to);
        ZoneId zoneId = Params.zone("zone", zone);
        List<Label> labels = Params.labels("label", label);
        return streamed(
                chosen,
                "month-end",
                () -> export.monthEnds(first, last, zoneId, labels),
                row -> jsonBytes(MonthEndItem.of(row)),
                ExportCsv::monthEnd,
                ExportCsv.MONTH_END_COLUMNS);
    }

    @Get(
            uri = "/snapshots",
            produces = {"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportSnapshots",
            summary = "Every snapshot observed in [from, to) as CSV (default) or a JSON array, streamed; defaults "
                    + "to the last 24 hours",
            description =
                    "Rows are ordered by account, then observation time. "
                            + "format=csv|json, else Accept: text/csv or application/json; format wins. label=key:value "
                            + "(repeatable, all must hold) keeps the snapshots of accounts that had those labels when observed.")
    public StreamedFile snapshots(
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String from,
            @Schema(type = "string", format = "date-time") @QueryValue @Nullable String to,
            @Schema(allowableValues = {"csv", "json"}) @QueryValue @Nullable String format,
            @Header(HttpHeaders.ACCEPT) @Nullable String accept,
            @Parameter(description = "key:value, repeatable: accounts with every one of these labels when observed")
                    @QueryValue("label")
                    @Nullable
                    List<String> label) {
        String chosen = format(format, accept);
        List<Label> labels = Params.labels("label", label);
        Instant end = Params.instant("to", to).orElseGet(clock::instant);
        Instant start = Params.instant("from", from).orElseGet(() -> end.minus(Duration.ofDays(1)));
        return streamed(
                chosen,
                "snapshots",
                () -> export.snapshots(start, end, labels),
                row -> jsonBytes(SnapshotItem.of(row)),
                ExportCsv::snapshot,
                ExportCsv.SNAPSHOT_COLUMNS);
    }

    /**
     * A cursor's rows streamed as a JSON array or as CSV with a header line, through the export gate: the cursor is
     * opened only when the gate admits the export (else 429), and closed by the gate if the client stops reading.
     */
    private <T> StreamedFile streamed(
            String chosen,
            String name,
            Supplier<RowCursor<T>> open,
            Function<T, byte[]> json,
            Function<T, byte[]> csv,
            String[] columns) {
        if (chosen.equals("json")) {
            return new StreamedFile(
                            gate.stream(open, json, bytes("["), bytes(","), bytes("]")),
                            MediaType.APPLICATION_JSON_TYPE)
                    .attach(name + ".json");
        }
        return new StreamedFile(gate.stream(open, csv, CsvWriter.line(columns), new byte[0], new byte[0]), CSV)
                .attach(name + ".csv");
    }

    /** {@code format} if given, else the first of text/csv and application/json that Accept names, else CSV. */
    static String format(String format, String accept) {
        Optional<String> given = Params.text("format", format).map(f -> f.toLowerCase(Locale.ROOT));
        if (given.isPresent()) {
            if (given.get().equals("csv") || given.get().equals("json")) {
                return given.get();
            }
            throw ApiProblem.invalidParameter(
                    "format", "format must be csv or json, got '" + Params.shorten(given.get()) + "'");
        }
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        int csv = wanted.indexOf("text/csv");
        int json = wanted.indexOf("application/json");
        return json >= 0 && (csv < 0 || json < csv) ? "json" : "csv";
    }

    private byte[] jsonItem(BalanceView view) {
        return jsonBytes(BalanceItem.of(view));
    }

    private byte[] jsonBytes(Object item) {
        try {
            return json.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
