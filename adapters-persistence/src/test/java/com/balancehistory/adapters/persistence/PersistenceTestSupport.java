package com.balancehistory.adapters.persistence;

import com.balancehistory.db.testing.TestDatabase;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/** jOOQ on this test run's own database. */
final class PersistenceTestSupport {

    private PersistenceTestSupport() {}

    static DataSource dataSource() {
        TestDatabase db = TestDatabase.get();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }

    static DSLContext dsl() {
        return DSL.using(dataSource(), SQLDialect.POSTGRES);
    }

    /**
     * jOOQ on one connection held until the JVM exits, for tests running thousands of small statements: connecting
     * for each of them would cost more than the statements.
     */
    static DSLContext dslOnOneConnection() {
        try {
            return DSL.using(TestDatabase.get().connect(), SQLDialect.POSTGRES);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("no connection to the test database", e);
        }
    }
}
