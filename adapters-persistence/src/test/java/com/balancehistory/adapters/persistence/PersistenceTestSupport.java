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
}
