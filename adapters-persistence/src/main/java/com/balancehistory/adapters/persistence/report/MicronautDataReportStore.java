package com.balancehistory.adapters.persistence.report;

import com.balancehistory.adapters.persistence.JsonText;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.out.report.ReportStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reports in the {@code report} table, through {@link ReportRepository}. Saving writes the report and the outbox rows
 * of its deliveries in one transaction: a jOOQ transaction that the repository joins, which needs a DSLContext on
 * Micronaut's transaction manager (as bootstrap builds it).
 */
public final class MicronautDataReportStore implements ReportStore {

    private final ReportRepository reports;
    private final DSLContext dsl;

    public MicronautDataReportStore(ReportRepository reports, DSLContext dsl) {
        this.reports = reports;
        this.dsl = dsl;
    }

    @Override
    public ReportSummary save(NewReport report, Function<ReportSummary, List<OutboundDelivery>> announce) {
        return dsl.transactionResult(tx -> {
            ReportRow row = reports.save(new ReportRow(
                    null,
                    report.type(),
                    report.asOf(),
                    report.createdAt(),
                    report.trigger().code(),
                    report.schedule().orElse(null),
                    report.scheduledFor().orElse(null),
                    parametersJson(report.parameters()),
                    report.contentJson(),
                    sha256(report.contentJson())));
            ReportSummary summary = summary(row, report.parameters());
            // the report's deliveries commit with it, or neither does
            JooqDeliveryOutbox.enqueue(DSL.using(tx), announce.apply(summary), report.createdAt());
            return summary;
        });
    }

    @Override
    public Optional<Stored> find(long id) {
        return reports.findById(id).map(MicronautDataReportStore::stored);
    }

    @Override
    public List<ReportSummary> list(ReportFilter filter) {
        return reports
                .findNewest(
                        filter.type().orElse(null),
                        filter.from().orElse(null),
                        filter.to().orElse(null),
                        filter.limit())
                .stream()
                .map(row -> stored(row).summary())
                .toList();
    }

    @Override
    public Optional<Stored> latestBefore(String type, Instant asOf) {
        return reports.findLatestBefore(type, asOf).map(MicronautDataReportStore::stored);
    }

    private static Stored stored(ReportRow row) {
        return new Stored(summary(row, parseParameters(row.parameters())), row.content());
    }

    private static ReportSummary summary(ReportRow row, Map<String, String> parameters) {
        return new ReportSummary(
                row.id(),
                row.reportType(),
                row.asOf(),
                row.createdAt(),
                ReportTrigger.fromCode(row.trigger()),
                Optional.ofNullable(row.scheduleName()),
                Optional.ofNullable(row.scheduledFor()),
                parameters);
    }

    /** A flat JSON object of strings; keys sorted so equal parameters give equal text. */
    static String parametersJson(Map<String, String> parameters) {
        return JsonText.object(parameters);
    }

    /** Reads back what {@link #parametersJson} wrote (PostgreSQL may re-space it): a flat object of strings. */
    static Map<String, String> parseParameters(String json) {
        Map<String, String> values = new TreeMap<>();
        int i = json.indexOf('{') + 1;
        while (true) {
            int keyStart = json.indexOf('"', i);
            if (keyStart < 0) {
                return values;
            }
            StringBuilder key = new StringBuilder();
            i = unquote(json, keyStart, key);
            int valueStart = json.indexOf('"', json.indexOf(':', i));
            StringBuilder value = new StringBuilder();
            i = unquote(json, valueStart, value);
            values.put(key.toString(), value.toString());
        }
    }

    private static int unquote(String json, int quote, StringBuilder out) {
        int i = quote + 1;
        while (json.charAt(i) != '"') {
            char c = json.charAt(i);
            if (c == '\\') {
                char next = json.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
            i++;
        }
        return i + 1;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
