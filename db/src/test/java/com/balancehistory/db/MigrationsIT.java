package com.balancehistory.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsIT {

    @Test
    void every_migration_applies_to_an_empty_database() throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            ResultSet history =
                    statement.executeQuery("SELECT count(*) AS failed FROM flyway_schema_history WHERE NOT success");
            history.next();
            assertThat(history.getInt("failed")).isZero();

            List<String> tables = new ArrayList<>();
            ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables)
                    .contains(
                            "poll_run",
                            "account",
                            "balance_snapshot",
                            "card_limit_snapshot",
                            "card_limit_run",
                            "latest_balance",
                            "daily_balance",
                            "balance_change",
                            "raw_response");
        }
    }
}
