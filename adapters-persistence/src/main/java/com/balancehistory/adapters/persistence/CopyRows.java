package com.balancehistory.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a table with {@code COPY ... FROM STDIN} in PostgreSQL's text format, on the caller's
 * connection and so inside its transaction: the bulk path {@code psql \copy} uses, without a statement to parse
 * 100,000 values out of arrays. Values are escaped as the format requires; {@code null} is {@code \N}.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    private boolean firstInRow = true;
    private boolean ended;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN}; the caller names only fixed, known identifiers. */
    static CopyRows into(Connection connection, String tableAndColumns) throws SQLException {
        CopyIn copy =
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN");
        return new CopyRows(copy);
    }

    CopyRows value(String value) {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends the last rows and returns how many rows the server stored. */
    long end() throws SQLException {
        flush();
        ended = true;
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** A copy that did not end is cancelled, so the connection (and its transaction) can report the failure. */
    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
