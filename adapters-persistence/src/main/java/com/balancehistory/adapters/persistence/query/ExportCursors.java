package com.balancehistory.adapters.persistence.query;

import com.balancehistory.application.model.query.RowCursor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jooq.ConnectionProvider;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Streamed reads with a server-side cursor: PostgreSQL's JDBC driver fetches {@value #FETCH_SIZE} rows at a time only
 * inside a transaction, so each cursor holds its own connection in a read-only transaction until it is closed. Several
 * queries run one after the other in that transaction (repeatable read: every one sees the same data), each opened
 * only when the one before it is exhausted.
 */
final class ExportCursors {

    static final int FETCH_SIZE = 1_000;

    private ExportCursors() {}

    static <T> RowCursor<T> open(
            DSLContext dsl,
            List<? extends Function<DSLContext, ? extends ResultQuery<? extends Record>>> queries,
            Function<Record, T> mapper) {
        ConnectionProvider provider = dsl.configuration().connectionProvider();
        Connection connection = provider.acquire();
        int isolation = Connection.TRANSACTION_READ_COMMITTED;
        try {
            isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            if (queries.size() > 1) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            DSLContext db = DSL.using(connection, dsl.dialect(), dsl.settings());
            JdbcRowCursor<T> cursor =
                    new JdbcRowCursor<>(db, queries.iterator(), mapper, provider, connection, isolation);
            cursor.advance();
            return cursor;
        } catch (SQLException | RuntimeException e) {
            release(provider, connection, isolation);
            throw e instanceof SQLException sql
                    ? new DataAccessException("could not open export cursor", sql)
                    : (RuntimeException) e;
        }
    }

    private static void release(ConnectionProvider provider, Connection connection, int isolation) {
        try {
            connection.rollback();
            connection.setReadOnly(false);
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the pool validates the connection before handing it out again
        } finally {
            provider.release(connection);
        }
    }

    /** jOOQ cursors, one per query in turn, that map rows and release their connection when closed or exhausted. */
    private static final class JdbcRowCursor<T> implements RowCursor<T> {
        private final DSLContext db;
        private final Iterator<? extends Function<DSLContext, ? extends ResultQuery<? extends Record>>> queries;
        private final Function<Record, T> mapper;
        private final ConnectionProvider provider;
        private final Connection connection;
        private final int isolation;
        private Cursor<? extends Record> cursor;
        private boolean closed;

        JdbcRowCursor(
                DSLContext db,
                Iterator<? extends Function<DSLContext, ? extends ResultQuery<? extends Record>>> queries,
                Function<Record, T> mapper,
                ConnectionProvider provider,
                Connection connection,
                int isolation) {
            this.db = db;
            this.queries = queries;
            this.mapper = mapper;
            this.provider = provider;
            this.connection = connection;
            this.isolation = isolation;
        }

        /** Opens the next query's cursor; false when there is none. */
        boolean advance() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
            if (!queries.hasNext()) {
                return false;
            }
            cursor = queries.next().apply(db).fetchSize(FETCH_SIZE).fetchLazy();
            return true;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            while (!cursor.hasNext()) {
                if (!advance()) {
                    close();
                    return false;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return mapper.apply(cursor.fetchNext());
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (cursor != null) {
                    cursor.close();
                }
            } finally {
                release(provider, connection, isolation);
            }
        }
    }
}
