package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class CopyRowsIT {

    private final DataSource dataSource = PersistenceTestSupport.dataSource();

    @Test
    void values_arrive_exactly_whatever_characters_they_hold_and_null_stays_null() throws SQLException {
        List<String> values = Arrays.asList(
                "plain", "tab\there", "new\nline", "back\\slash", "\\N", "cr\r", "€ ünï", null, "", "x".repeat(70_000));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE copied (n INT, v TEXT)");
            try (CopyRows copy = CopyRows.into(connection, "copied (n, v)")) {
                for (int i = 0; i < values.size(); i++) {
                    copy.value(Integer.toString(i)).value(values.get(i)).endRow();
                }
                assertThat(copy.end()).isEqualTo(values.size());
            }
            List<String> stored = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT v FROM copied ORDER BY n")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).containsExactlyElementsOf(values);
        }
    }

    @Test
    void a_copy_that_fails_is_cancelled_and_the_connection_stays_usable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE numbers (n INT)");
            assertThatThrownBy(() -> {
                        try (CopyRows copy = CopyRows.into(connection, "numbers (n)")) {
                            copy.value("1").endRow();
                            throw new IllegalStateException("caller failed mid-copy");
                        }
                    })
                    .hasMessage("caller failed mid-copy");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM numbers")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
