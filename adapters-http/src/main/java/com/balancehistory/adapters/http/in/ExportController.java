package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.BalanceItem;
import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.ExportHistoryUseCase;
import com.balancehistory.application.port.out.query.RowCursor;
import com.balancehistory.application.port.out.query.SnapshotRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Exports, streamed row by row from a database cursor. */
@Controller("/api/v1/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "export")
public class ExportController {

    static final String[] BALANCE_COLUMNS = {"account_id", "source", "provider", "kind", "external_id", "name",
            "currency", "available", "ledger", "pending", "allocated", "initial", "observed_at", "provider_as_of",
            "stale"};
    static final String[] SNAPSHOT_COLUMNS = {"observed_at", "poll_id", "account_id", "source", "provider", "kind",
            "external_id", "name", "currency", "available", "ledger", "pending", "allocated", "initial",
            "provider_as_of"};
    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");

    private final ExportHistoryUseCase export;
    private final JsonMapper json;
    private final Clock clock;

    public ExportController(ExportHistoryUseCase export, JsonMapper json, Clock clock) {
        this.export = export;
        this.json = json;
        this.clock = clock;
    }

    @Get("/balances")
    @Operation(summary = "Every account's latest balance as CSV (default) or a JSON array, streamed")
    public StreamedFile balances(@QueryValue @Nullable String format) {
        String chosen = format(format, true);
        RowCursor<BalanceView> cursor = export.currentBalances();
        if (chosen.equals("json")) {
            return new StreamedFile(new CursorInputStream<>(cursor, this::jsonItem, bytes("["), bytes(","),
                    bytes("]")), MediaType.APPLICATION_JSON_TYPE).attach("balances.json");
        }
        return new StreamedFile(new CursorInputStream<>(cursor, ExportController::csvBalance,
                Csv.line(BALANCE_COLUMNS), new byte[0], new byte[0]), CSV).attach("balances.csv");
    }

    @Get("/snapshots")
    @Operation(summary = "Every snapshot observed in [from, to) as CSV, streamed; defaults to the last 24 hours",
            description = "Rows are ordered by account, then observation time.")
    public StreamedFile snapshots(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                  @QueryValue @Nullable String format) {
        format(format, false);
        Instant end = Params.instant("to", to).orElseGet(clock::instant);
        Instant start = Params.instant("from", from).orElseGet(() -> end.minus(Duration.ofDays(1)));
        RowCursor<SnapshotRow> cursor = export.snapshots(start, end);
        return new StreamedFile(new CursorInputStream<>(cursor, ExportController::csvSnapshot,
                Csv.line(SNAPSHOT_COLUMNS), new byte[0], new byte[0]), CSV).attach("snapshots.csv");
    }

    private static String format(String format, boolean jsonAllowed) {
        String chosen = Params.text("format", format).orElse("csv").toLowerCase(Locale.ROOT);
        if (chosen.equals("csv") || (jsonAllowed && chosen.equals("json"))) {
            return chosen;
        }
        throw ApiProblem.invalidParameter("format", "format must be " + (jsonAllowed ? "csv or json" : "csv")
                + ", got '" + Params.shorten(chosen) + "'");
    }

    private byte[] jsonItem(BalanceView view) {
        try {
            return json.writeValueAsBytes(BalanceItem.of(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] csvBalance(BalanceView view) {
        BalanceItem item = BalanceItem.of(view);
        return Csv.line(item.accountId(), item.source(), item.provider(), item.kind(), item.externalId(),
                item.name(), item.currency(), item.available(), item.ledger(), item.pending(), item.allocated(),
                item.initial(), item.observedAt(), item.providerAsOf(), String.valueOf(item.stale()));
    }

    private static byte[] csvSnapshot(SnapshotRow row) {
        var account = row.account();
        var balances = row.balances();
        return Csv.line(row.observedAt().toString(), String.valueOf(row.pollId()), account.id().value(),
                account.source(), account.provider().configName(), account.kind().slug(), account.externalId(),
                account.name(), account.currency().getCurrencyCode(), balances.available().toPlainString(),
                BalanceItem.amount(balances.ledger()), BalanceItem.amount(balances.pending()),
                BalanceItem.amount(balances.allocated()), BalanceItem.amount(balances.initial()),
                BalanceItem.time(row.providerAsOf()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
