package com.balancehistory.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small conversions the write path's statements share: times as UTC, columns of text as array parameters. */
final class JdbcValues {

    private JdbcValues() {}

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Binds each column as one {@code text[]} parameter from {@code first} on; returns the next parameter index. */
    static int bindColumns(Connection connection, PreparedStatement statement, int first, String[][] columns)
            throws SQLException {
        int p = first;
        for (String[] column : columns) {
            Array array = connection.createArrayOf("text", column);
            statement.setArray(p++, array);
        }
        return p;
    }
}
