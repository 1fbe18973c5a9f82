package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabasePreflightIT {

    @Test
    void creates_a_missing_database_when_the_user_may() throws Exception {
        TestDatabase db = TestDatabase.get();
        String name =
                "bh_preflight_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = db.jdbcUrl().replace("/" + db.databaseName(), "/" + name);

        DatabasePreflight.Result result = DatabasePreflight.ensureDatabase(url, db.user(), db.password());

        assertThat(result.ok()).isTrue();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
            assertThat(c.isValid(1)).isTrue();
        }
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        }
    }

    @Test
    void an_unreachable_database_gives_one_line_naming_the_setting() {
        DatabasePreflight.Result result = DatabasePreflight.ensureDatabase(
                "jdbc:postgresql://127.0.0.1:1/balance_history?connectTimeout=2&password=hunter2", "postgres", "");

        assertThat(result.ok()).isFalse();
        assertThat(result.message())
                .contains("DATASOURCES_DEFAULT_URL")
                .doesNotContain("\n")
                .doesNotContain("hunter2");
    }

    @Test
    void a_missing_url_names_the_setting() {
        assertThat(DatabasePreflight.ensureDatabase(null, null, null).message()).contains("DATASOURCES_DEFAULT_URL");
    }
}
