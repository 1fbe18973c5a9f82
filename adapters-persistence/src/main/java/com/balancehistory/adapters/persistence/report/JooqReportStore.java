package com.balancehistory.adapters.persistence.report;

import static com.balancehistory.db.jooq.Tables.REPORT;

import com.balancehistory.adapters.persistence.JsonText;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.out.report.ReportStore;
import com.balancehistory.db.jooq.tables.records.ReportRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Reports in the {@code report} table: metadata columns, parameters and content as JSONB. */
public final class JooqReportStore implements ReportStore {

    private final DSLContext dsl;

    public JooqReportStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ReportSummary save(NewReport report, Function<ReportSummary, List<OutboundDelivery>> announce) {
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            ReportSummary summary = insert(db, report);
            // the report's deliveries commit with it, or neither does
            JooqDeliveryOutbox.enqueue(db, announce.apply(summary), report.createdAt());
            return summary;
        });
    }

    private ReportSummary insert(DSLContext db, NewReport report) {
        ReportRecord row = db.insertInto(REPORT)
                .set(REPORT.REPORT_TYPE, report.type())
                .set(REPORT.AS_OF, Times.utc(report.asOf()))
                .set(REPORT.CREATED_AT, Times.utc(report.createdAt()))
                .set(REPORT.TRIGGER, report.trigger().code())
                .set(REPORT.SCHEDULE_NAME, report.schedule().orElse(null))
                .set(REPORT.SCHEDULED_FOR, Times.utc(report.scheduledFor().orElse(null)))
                .set(REPORT.PARAMETERS, JSONB.valueOf(parametersJson(report.parameters())))
                .set(REPORT.CONTENT, JSONB.valueOf(report.contentJson()))
                .set(REPORT.CONTENT_SHA256, sha256(report.contentJson()))
                .returning()
                .fetchOne();
        return summary(row, report.parameters());
    }

    @Override
    public Optional<Stored> find(long id) {
        return dsl.selectFrom(REPORT).where(REPORT.ID.eq(id)).fetchOptional().map(JooqReportStore::stored);
    }

    @Override
    public List<ReportSummary> list(ReportFilter filter) {
        Condition where = DSL.trueCondition();
        if (filter.type().isPresent()) {
            where = where.and(REPORT.REPORT_TYPE.eq(filter.type().get()));
        }
        if (filter.from().isPresent()) {
            where = where.and(REPORT.AS_OF.ge(Times.utc(filter.from().get())));
        }
        if (filter.to().isPresent()) {
            where = where.and(REPORT.AS_OF.lt(Times.utc(filter.to().get())));
        }
        return dsl.selectFrom(REPORT)
                .where(where)
                .orderBy(REPORT.AS_OF.desc(), REPORT.ID.desc())
                .limit(filter.limit())
                .fetch(row -> stored(row).summary());
    }

    @Override
    public Optional<Stored> latestBefore(String type, java.time.Instant asOf) {
        return dsl.selectFrom(REPORT)
                .where(REPORT.REPORT_TYPE.eq(type))
                .and(REPORT.AS_OF.lt(Times.utc(asOf)))
                .orderBy(REPORT.AS_OF.desc(), REPORT.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(JooqReportStore::stored);
    }

    private static Stored stored(ReportRecord row) {
        return new Stored(
                summary(row, parseParameters(row.getParameters().data())),
                row.getContent().data());
    }

    private static ReportSummary summary(ReportRecord row, Map<String, String> parameters) {
        return new ReportSummary(
                row.getId(),
                row.getReportType(),
                Times.instant(row.getAsOf()),
                Times.instant(row.getCreatedAt()),
                ReportTrigger.fromCode(row.getTrigger()),
                Optional.ofNullable(row.getScheduleName()),
                Optional.ofNullable(Times.instant(row.getScheduledFor())),
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
