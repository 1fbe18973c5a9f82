package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The analysts' role gets the configured connection limit at start-up, and PostgreSQL enforces it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystConnectionLimitIT extends ServiceTestSupport {

    static final int LIMIT = 4;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("balance-history.analysts.connection-limit", String.valueOf(LIMIT));
    }

    @AfterAll
    void restoreTheDefault() throws SQLException {
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE balance_analyst CONNECTION LIMIT 5");
        }
    }

    @Test
    void an_analyst_connection_beyond_the_configured_limit_is_refused() throws SQLException {
        assertThat(scalar("SELECT rolconnlimit FROM pg_roles WHERE rolname = 'balance_analyst'"))
                .isEqualTo(LIMIT);
        String url = TestDatabase.get().jdbcUrl().replaceAll("\\?.*", ""); // without the admin user it may name
        List<Connection> open = new ArrayList<>();
        try {
            int others = scalar("SELECT count(*) FROM pg_stat_activity WHERE usename = 'balance_analyst'");
            for (int i = others; i < LIMIT; i++) {
                open.add(DriverManager.getConnection(url, "balance_analyst", ""));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "balance_analyst", "")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("too many connections");
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }

    private int scalar(String sql) throws SQLException {
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
