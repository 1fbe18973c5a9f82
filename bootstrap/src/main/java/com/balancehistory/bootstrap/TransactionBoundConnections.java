package com.balancehistory.bootstrap;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * jOOQ's connections: inside a Micronaut transaction (or connection scope), its connection, so that a jOOQ statement
 * and a Micronaut Data repository call commit together; outside one, a pooled connection of its own for the statement
 * (autocommit), as jOOQ does over a plain DataSource. Micronaut's own transaction-aware DataSource refuses a statement
 * outside a transaction, and most of the adapters' reads need none.
 */
final class TransactionBoundConnections implements ConnectionProvider {

    private final ConnectionOperations<Connection> connections;
    private final DataSource pool;

    TransactionBoundConnections(ConnectionOperations<Connection> connections, DataSource dataSource) {
        this.connections = connections;
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Connection acquire() {
        Optional<Connection> bound = bound();
        if (bound.isPresent()) {
            return bound.get();
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("could not get a connection from the pool", e);
        }
    }

    @Override
    public void release(Connection connection) {
        if (bound().filter(c -> c == connection).isPresent()) {
            return; // the transaction's owner closes it
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("could not return a connection to the pool", e);
        }
    }

    private Optional<Connection> bound() {
        return connections.findConnectionStatus().map(ConnectionStatus::getConnection);
    }
}
