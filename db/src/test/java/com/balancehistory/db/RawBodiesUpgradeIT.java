package com.balancehistory.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawBodiesUpgradeIT {

    @Test
    void provider_bodies_stored_per_poll_before_the_upgrade_are_kept_once_each_and_read_back_as_before()
            throws Exception {
        TestDatabase db = TestDatabase.get().siblingAtVersion("6");
        try (Connection connection = db.connect();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO poll_run (trigger, started_at) VALUES ('schedule', '2026-10-01T10:00:00Z'), "
                    + "('schedule', '2026-10-01T10:05:00Z'), ('schedule', '2026-10-02T10:00:00Z')");
            sql.execute("""
                    INSERT INTO raw_response (poll_id, source, endpoint, http_status, body, body_text, received_at)
                    VALUES (1, 's', 'GET /budgets', 200, '{"items": [1]}', NULL, '2026-10-01T10:00:00Z'),
                           (1, 's', 'GET /cards', 500, NULL, 'upstream broke', '2026-10-01T10:00:00Z'),
                           (2, 's', 'GET /budgets', 200, '{"items": [1]}', NULL, '2026-10-01T10:05:00Z'),
                           (3, 's', 'GET /budgets', 200, '{"items": [1]}', NULL, '2026-10-02T10:00:00Z')
                    """);
            List<String> before = rows(sql);

            db.upgrade();

            assertThat(rows(sql)).isEqualTo(before);
            assertThat(count(sql, "raw_body")).isEqualTo(3); // two days of the same budgets body, one cards body
            assertThat(count(sql, "raw_receipt")).isEqualTo(4);
            sql.execute("INSERT INTO raw_receipt (received_on, poll_id, source, endpoint, http_status, sha256, "
                    + "received_at) VALUES ('2026-10-02', 3, 's', 'GET /x', 200, 'x', '2026-10-02T10:00:00Z')");
            assertThat(count(sql, "raw_receipt WHERE id = 5")).isEqualTo(1); // ids go on after the old ones
        }
    }

    private static List<String> rows(Statement sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT id, poll_id, source, endpoint, http_status, body::text, "
                + "body_text, received_at FROM raw_response ORDER BY id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= 8; c++) {
                    row.append(rs.getString(c)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static int count(Statement sql, String fromWhere) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
