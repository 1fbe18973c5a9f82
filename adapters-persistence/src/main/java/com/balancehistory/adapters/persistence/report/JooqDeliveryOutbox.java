package com.balancehistory.adapters.persistence.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.out.report.DeliveryOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The delivery outbox in PostgreSQL. A claim is one statement: the oldest pending rows without a live lease, locked
 * with {@code FOR UPDATE SKIP LOCKED} so that two instances claiming at once take different rows, get a lease that
 * ends at database time (instances' clocks need not agree). Rows are written by the stores of what they announce,
 * through {@link #enqueue(DSLContext, List, Instant)} inside those stores' transactions.
 */
public final class JooqDeliveryOutbox implements DeliveryOutbox {

    private static final int MAX_ERROR = 3900;

    private final DSLContext dsl;

    public JooqDeliveryOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes the deliveries with {@code tx}, the transaction of what they announce. */
    public static void enqueue(DSLContext tx, List<OutboundDelivery> deliveries, Instant at) {
        for (OutboundDelivery delivery : deliveries) {
            DeliveryPayload payload = delivery.payload();
            long id = tx.resultQuery(
                            """
                            INSERT INTO delivery_outbox (subject, subject_id, channel, target, payload_json, created_at)
                            VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ)) RETURNING id""",
                            payload.subject(),
                            payload.subjectId(),
                            delivery.target().channel(),
                            delivery.target().describe(),
                            payload.json(),
                            Times.utc(at))
                    .fetchOne(0, Long.class);
            payload.files()
                    .forEach((name, content) -> tx.execute(
                            "INSERT INTO delivery_outbox_file (outbox_id, name, content) VALUES (?, ?, ?)",
                            id,
                            name,
                            content));
        }
    }

    @Override
    public List<Claimed> claim(String instance, int max, Duration lease) {
        return dsl.transactionResult(tx -> {
            DSLContext db = org.jooq.impl.DSL.using(tx);
            List<Record> rows = new ArrayList<>(db.resultQuery("""
                            UPDATE delivery_outbox o
                            SET lease_until = now() + make_interval(secs => ?), leased_by = ?, rounds = o.rounds + 1
                            WHERE o.id IN (SELECT id FROM delivery_outbox
                                           WHERE state = 'pending' AND (lease_until IS NULL OR lease_until <= now())
                                           ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                            RETURNING o.id, o.subject, o.subject_id, o.channel, o.target, o.payload_json, o.rounds,
                                      o.created_at""", lease.toMillis() / 1000.0, instance, max)
                    .fetch());
            rows.sort(Comparator.comparing(r -> r.get("id", Long.class)));
            return rows.stream()
                    .map(row -> {
                        long id = row.get("id", Long.class);
                        Map<String, String> files = new LinkedHashMap<>();
                        db.resultQuery(
                                        "SELECT name, content FROM delivery_outbox_file WHERE outbox_id = ? ORDER BY name",
                                        id)
                                .forEach(f -> files.put(f.get("name", String.class), f.get("content", String.class)));
                        return new Claimed(
                                id,
                                new DeliveryPayload(
                                        row.get("subject", String.class),
                                        row.get("subject_id", Long.class),
                                        row.get("payload_json", String.class),
                                        files),
                                row.get("channel", String.class),
                                row.get("target", String.class),
                                row.get("rounds", Integer.class),
                                row.get("created_at", OffsetDateTime.class).toInstant());
                    })
                    .toList();
        });
    }

    @Override
    public void sent(long id, Instant at) {
        dsl.execute(
                "UPDATE delivery_outbox SET state = 'sent', finished_at = CAST(? AS TIMESTAMPTZ), lease_until = NULL"
                        + " WHERE id = ?",
                Times.utc(at),
                id);
    }

    @Override
    public void failed(long id, Instant at, String error) {
        dsl.execute(
                "UPDATE delivery_outbox SET state = 'failed', finished_at = CAST(? AS TIMESTAMPTZ), lease_until = NULL,"
                        + " last_error = ? WHERE id = ?",
                Times.utc(at),
                cut(error),
                id);
    }

    @Override
    public void failedRound(long id, String error) {
        dsl.execute("UPDATE delivery_outbox SET last_error = ? WHERE id = ?", cut(error), id);
    }

    @Override
    public void release(long id) {
        dsl.execute("UPDATE delivery_outbox SET lease_until = NULL WHERE id = ? AND state = 'pending'", id);
    }

    @Override
    public long pending() {
        return dsl.fetchOne("SELECT count(*) FROM delivery_outbox WHERE state = 'pending'")
                .get(0, Long.class);
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "...";
    }
}
