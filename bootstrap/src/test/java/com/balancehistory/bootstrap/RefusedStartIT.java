package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A start refused for bad configuration gives back the database connections its pool had opened. */
class RefusedStartIT {

    @Test
    void a_refused_start_in_a_test_leaves_none_of_its_connections_open() throws Exception {
        String name = "refused-" + UUID.randomUUID();

        assertThatThrownBy(() -> ServiceContexts.runServer(refusedStart(name)))
                .hasStackTraceContaining("role 'superuser' is not reader, admin or metrics");

        assertThat(openConnectionsSettle(name)).isZero();
    }

    @Test
    void the_service_launcher_leaves_none_of_the_connections_of_a_refused_start_open() throws Exception {
        String name = "refused-" + UUID.randomUUID();

        // in the test environment Micronaut throws the refusal instead of exiting the JVM
        assertThatThrownBy(() -> ServiceLauncher.launch()
                        .environments("test")
                        .banner(false)
                        .properties(refusedStart(name))
                        .start())
                .hasStackTraceContaining("role 'superuser' is not reader, admin or metrics");

        assertThat(openConnectionsSettle(name)).isZero();
    }

    /** Settings whose start is refused, on connections that carry {@code name} as their application name. */
    private static Map<String, Object> refusedStart(String name) {
        String url = TestDatabase.get().jdbcUrl();
        return TestProperties.service()
                .with("datasources.default.url", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name)
                .apiKey("ops", "superuser", "a-long-enough-key-for-operations")
                .asObjects();
    }

    /** The connections named {@code name} once they stop changing, or after ten seconds of waiting for none. */
    private static int openConnectionsSettle(String name) throws SQLException, InterruptedException {
        int open = connectionsNamed(name);
        for (int i = 0; i < 100 && open > 0; i++) {
            Thread.sleep(100);
            open = connectionsNamed(name);
        }
        return open;
    }

    private static int connectionsNamed(String name) throws SQLException {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
