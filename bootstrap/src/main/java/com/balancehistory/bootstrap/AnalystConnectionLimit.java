package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the analysts' role at the configured connection limit ({@code balance-history.analysts.connection-limit},
 * default 5, as V13 sets it): PostgreSQL refuses a {@code balance_analyst} connection beyond it, so analysts cannot
 * take every connection of the server. Changing the limit needs a service user with CREATEROLE (or the role's
 * owner); without that the service logs the statement for an administrator to run and starts anyway.
 */
@Context
final class AnalystConnectionLimit {

    static final String ROLE = "balance_analyst";
    private static final Logger LOG = LoggerFactory.getLogger(AnalystConnectionLimit.class);

    AnalystConnectionLimit(DataSource dataSource, @Value("${balance-history.analysts.connection-limit:5}") int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "balance-history.analysts.connection-limit must be at least 1, got " + limit);
        }
        String sql = "ALTER ROLE " + ROLE + " CONNECTION LIMIT " + limit;
        // the pool itself: Micronaut's transaction-aware DataSource refuses a connection outside a transaction
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement current =
                        connection.prepareStatement("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?")) {
            current.setString(1, ROLE);
            try (ResultSet row = current.executeQuery()) {
                if (!row.next() || row.getInt(1) == limit) {
                    return;
                }
            }
            try (Statement alter = connection.createStatement()) {
                alter.execute(sql);
            }
            LOG.info("analysts' role {} limited to {} connections", ROLE, limit);
        } catch (SQLException e) {
            LOG.warn(
                    "could not set the analysts' connection limit ({}); run as an administrator: {}",
                    e.getMessage(),
                    sql);
        }
    }
}
