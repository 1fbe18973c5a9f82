package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SourcePollRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Provider bodies as the audit keeps them: each poll gets a receipt per response, and a body is stored once per
 * source, endpoint and UTC day (by SHA-256 of the whole body). A body over {@link #MAX_STORED_CHARS} keeps its
 * first part with its full length and hash, so no body can make a poll's recording fail.
 */
final class RawBodies {

    /** The most of one body stored: the size of the old text column, so no body stored whole before is cut now. */
    static final int MAX_STORED_CHARS = 1_000_000;

    private static final String INSERT_BODY = """
            INSERT INTO raw_body (received_on, source, endpoint, sha256, body_length, truncated, body, body_text)
            SELECT ?::date, ?, ?, ?, ?, t.truncated, CASE WHEN NOT t.truncated THEN try_jsonb(t.body) END,
                   CASE WHEN t.truncated OR try_jsonb(t.body) IS NULL THEN t.body END
            FROM (SELECT ?::text AS body, ?::boolean AS truncated) t
            ON CONFLICT (received_on, source, endpoint, sha256) DO NOTHING
            """;

    private static final String INSERT_RECEIPT = """
            INSERT INTO raw_receipt (received_on, poll_id, source, endpoint, http_status, sha256, received_at)
            VALUES (?::date, ?, ?, ?, ?, ?, ?::timestamptz)
            """;

    private final Set<LocalDate> partitionsEnsured = ConcurrentHashMap.newKeySet();

    /** Stores the responses of a source's poll, fetched or failed, on the recording's connection. */
    void store(Connection connection, SourcePollRecord record) throws SQLException {
        List<RawResponse> responses = record.result() instanceof FetchResult.Fetched fetched
                ? fetched.rawResponses()
                : ((FetchResult.Failed) record.result()).rawResponses();
        store(connection, record.pollId(), record.source(), record.observedAt(), responses);
    }

    /** Stores the responses of one source's poll on the recording's connection (and so in its transaction). */
    private void store(
            Connection connection, long pollId, String source, Instant receivedAt, List<RawResponse> responses)
            throws SQLException {
        if (responses.isEmpty()) {
            return;
        }
        LocalDate day = dayOf(receivedAt);
        try (PreparedStatement body = connection.prepareStatement(INSERT_BODY);
                PreparedStatement receipt = connection.prepareStatement(INSERT_RECEIPT)) {
            for (RawResponse response : responses) {
                Stored stored = Stored.of(response.body());
                body.setString(1, day.toString());
                body.setString(2, source);
                body.setString(3, response.endpoint());
                body.setString(4, stored.sha256());
                body.setInt(5, stored.length());
                body.setString(6, stored.text());
                body.setBoolean(7, stored.truncated());
                body.addBatch();
                receipt.setString(1, day.toString());
                receipt.setLong(2, pollId);
                receipt.setString(3, source);
                receipt.setString(4, response.endpoint());
                receipt.setInt(5, response.status());
                receipt.setString(6, stored.sha256());
                receipt.setString(7, receivedAt.toString());
                receipt.addBatch();
            }
            body.executeBatch();
            receipt.executeBatch();
        }
    }

    /**
     * Creates the day's partitions before its first response (once per day and process), outside the recording's
     * transaction so that a poll never holds the lock a new partition takes on its table.
     */
    void ensurePartitions(DSLContext dsl, Instant receivedAt) {
        LocalDate day = dayOf(receivedAt);
        if (!partitionsEnsured.contains(day)) {
            dsl.execute("SELECT ensure_raw_partitions(?::date)", day.toString());
            partitionsEnsured.add(day);
        }
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * One body as stored: its hash and UTF-8 length are of the whole body; the text is the whole body, or its first
     * {@link #MAX_STORED_CHARS} characters when longer. NUL characters, which PostgreSQL text cannot hold, are
     * dropped from the stored text only.
     */
    record Stored(String sha256, int length, String text, boolean truncated) {

        static Stored of(String body) {
            byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
            boolean truncated = body.length() > MAX_STORED_CHARS;
            String kept = truncated ? body.substring(0, cutPoint(body)) : body;
            return new Stored(sha256(utf8), utf8.length, kept.replace("\u0000", ""), truncated);
        }

        /** Never splits a surrogate pair, which would leave half a character behind. */
        private static int cutPoint(String body) {
            return Character.isHighSurrogate(body.charAt(MAX_STORED_CHARS - 1))
                    ? MAX_STORED_CHARS - 1
                    : MAX_STORED_CHARS;
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
