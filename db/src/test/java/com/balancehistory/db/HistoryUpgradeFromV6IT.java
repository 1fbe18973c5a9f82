package com.balancehistory.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A database holding per-poll history (schema V6, filled as the V6 recording filled it: a snapshot per account and
 * successful poll, latest rows that follow the source's newest poll, change events) upgrades to the compact form,
 * and every analytics view answers exactly as before, row for row.
 */
class HistoryUpgradeFromV6IT {

    private static final Instant T0 = Instant.parse("2026-11-20T22:00:00Z");
    private static final List<String> VIEWS =
            List.of("snapshots", "latest_balances", "daily_balances", "balance_changes", "poll_runs", "card_limits");

    @Test
    void a_populated_per_poll_database_upgrades_with_every_view_answering_as_before() throws Exception {
        TestDatabase db = TestDatabase.get().siblingAtVersion("6");
        try (Connection connection = db.connect()) {
            populate(connection, "s1", List.of("x1", "x2", "x3", "x4", "x5"), List.of("k1", "k2"), 60, new Random(7));
            populate(connection, "s2", List.of("y1"), List.of(), 30, new Random(11));
            // the first day rolled up as V6 rolled days up, the second still pending: V39 rebuilds the rollup
            exec(
                    connection,
                    "INSERT INTO daily_balance (account_id, day, currency, open_available, close_available, "
                            + "min_available, max_available, samples, first_observed_at, last_observed_at) "
                            + "SELECT account_id, day, currency, open_available, close_available, min_available, "
                            + "max_available, samples, first_observed_at, last_observed_at "
                            + "FROM analytics.daily_balances WHERE day = DATE '2026-11-20'");
            exec(connection, "DELETE FROM daily_rollup_pending WHERE day = DATE '2026-11-20'");
            assertThat(count(connection, "daily_balance")).isPositive();
            // later versions may add columns to a view (V17: balance_changes.direction); the columns it had answer as
            // before
            Map<String, String> columns = columns(connection);
            Map<String, List<String>> before = answers(connection, columns);
            int snapshotsBefore = count(connection, "balance_snapshot");
            int changesBefore = count(connection, "balance_change");
            int cardLimitsBefore = count(connection, "card_limit_snapshot");

            db.upgrade();

            assertThat(answers(connection, columns)).isEqualTo(before);
            assertThat(count(connection, "balance_snapshot")).isEqualTo(snapshotsBefore);
            assertThat(count(connection, "balance_run") + count(connection, "latest_balance"))
                    .as("runs stored instead of per-poll rows")
                    .isLessThan(snapshotsBefore / 2);
            // V39 rebuilt the daily rollup: without statistics, a month of analytics.daily_balances read all of it
            assertThat(count(connection, "pg_class WHERE relname = 'daily_balance' AND reltuples >= 0"))
                    .as("the rebuilt daily rollup has statistics")
                    .isEqualTo(1);
            // V38: card limits kept as runs the same way
            assertThat(count(connection, "card_limit_snapshot")).isEqualTo(cardLimitsBefore);
            assertThat(count(connection, "card_limit_run") + count(connection, "latest_card_limit"))
                    .as("card limit runs stored instead of per-poll rows")
                    .isLessThan(cardLimitsBefore / 2);
            // V27: the change events recorded before it stay rows of balance_change, keyed by the integer account
            // key, and none of them is answered twice by the runs and latest rows that now carry later changes
            assertThat(count(connection, "balance_change")).isEqualTo(changesBefore);
            assertThat(count(connection, "analytics.balance_changes")).isEqualTo(changesBefore);
            assertThat(count(
                            connection,
                            "balance_change c JOIN account a ON a.account_key = c.account_key "
                                    + "JOIN latest_balance l ON l.account_id = a.id"))
                    .isEqualTo(changesBefore);
            assertThat(count(
                            connection,
                            "information_schema.columns WHERE table_name = 'balance_change' "
                                    + "AND column_name = 'account_id'"))
                    .isZero();
        }
    }

    /**
     * Polls of one source every 5 minutes, as V6 recorded them: some fail, accounts go missing and come back,
     * balances mostly repeat.
     */
    private static void populate(
            Connection c, String source, List<String> accounts, List<String> cards, int polls, Random random)
            throws SQLException {
        Map<String, State> states = new LinkedHashMap<>();
        for (String a : accounts) {
            String id = source + ".budget." + a;
            exec(
                    c,
                    "INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at) "
                            + "VALUES (?, ?, 'ahrvo', 'budget', ?, ?, 'USD', ?::timestamptz)",
                    id,
                    source,
                    a,
                    "Budget " + a,
                    T0.toString());
            states.put(id, new State());
        }
        Map<String, String> cardLimits = new HashMap<>();
        for (String card : cards) {
            exec(
                    c,
                    "INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at) "
                            + "VALUES (?, ?, 'ahrvo', 'card-limit', ?, ?, 'USD', ?::timestamptz)",
                    source + ".card-limit." + card,
                    source,
                    card,
                    card,
                    T0.toString());
        }
        Long newestPoll = null;
        Instant newestAt = null;
        for (int i = 0; i < polls; i++) {
            Instant at = T0.plusSeconds(300L * i + (source.equals("s2") ? 7 : 0));
            long pollId = insertPollRun(c, at);
            boolean failed = random.nextInt(10) == 0;
            exec(
                    c,
                    "INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, started_at, "
                            + "finished_at) VALUES (?, ?, 'ahrvo', ?, ?, ?::timestamptz, ?::timestamptz)",
                    pollId,
                    source,
                    failed ? "failed" : "ok",
                    failed ? "GET /budgets: UNAVAILABLE" : null,
                    at.toString(),
                    at.toString());
            if (failed) {
                continue;
            }
            for (Map.Entry<String, State> entry : states.entrySet()) {
                State s = entry.getValue();
                boolean seen = random.nextInt(8) != 0;
                if (!seen) {
                    s.followsNewest = false;
                    continue;
                }
                String value = random.nextInt(6) == 0
                        ? new String[] {"10.00", "12.50", "0.00", "99.99"}[random.nextInt(4)]
                        : (s.value == null ? "10.00" : s.value);
                exec(
                        c,
                        "INSERT INTO balance_snapshot (account_id, observed_at, poll_id, currency, available) "
                                + "VALUES (?, ?::timestamptz, ?, 'USD', ?::numeric)",
                        entry.getKey(),
                        at.toString(),
                        pollId,
                        value);
                boolean sameRun = s.followsNewest && value.equals(s.value);
                if (s.value != null && new BigDecimal(s.value).compareTo(new BigDecimal(value)) != 0) {
                    exec(
                            c,
                            "INSERT INTO balance_change (account_id, observed_at, poll_id, previous_observed_at, "
                                    + "currency, previous_available, available, change, significant) VALUES "
                                    + "(?, ?::timestamptz, ?, ?::timestamptz, 'USD', ?::numeric, ?::numeric, "
                                    + "?::numeric - ?::numeric, true)",
                            entry.getKey(),
                            at.toString(),
                            pollId,
                            s.lastSeenAt.toString(),
                            s.value,
                            value,
                            value,
                            s.value);
                }
                if (!sameRun) {
                    s.previousAt = s.lastSeenAt;
                    s.previousValue = s.value;
                    s.runStartAt = at;
                    s.runStartPoll = pollId;
                }
                s.value = value;
                s.lastSeenAt = at;
                s.lastSeenPoll = pollId;
                s.followsNewest = true;
            }
            for (String card : cards) {
                for (String period : List.of("daily", "weekly")) {
                    String key = source + ".card-limit." + card + "|" + period;
                    if (random.nextInt(8) == 0) {
                        continue; // not returned by this poll: the next reading starts a run again
                    }
                    String remaining = cardLimits.get(key) == null || random.nextInt(5) == 0
                            ? new String[] {"100.00", "40.50", "0.00"}[random.nextInt(3)]
                            : cardLimits.get(key);
                    cardLimits.put(key, remaining);
                    String total = period.equals("daily") && i % 20 < 10 ? "200.00" : null;
                    for (String table : List.of("card_limit_snapshot", "latest_card_limit")) {
                        exec(
                                c,
                                "INSERT INTO " + table + " (account_id, period, observed_at, poll_id, currency, "
                                        + "remaining, configured_total) VALUES (?, ?, ?::timestamptz, ?, 'USD', "
                                        + "?::numeric, ?::numeric)"
                                        + (table.equals("latest_card_limit")
                                                ? " ON CONFLICT (account_id, period) DO UPDATE SET observed_at = "
                                                        + "EXCLUDED.observed_at, poll_id = EXCLUDED.poll_id, remaining"
                                                        + " = EXCLUDED.remaining, configured_total = "
                                                        + "EXCLUDED.configured_total"
                                                : ""),
                                source + ".card-limit." + card,
                                period,
                                at.toString(),
                                pollId,
                                remaining,
                                total);
                    }
                }
            }
            newestPoll = pollId;
            newestAt = at;
        }
        for (Map.Entry<String, State> entry : states.entrySet()) {
            State s = entry.getValue();
            if (s.value == null) {
                continue;
            }
            exec(
                    c,
                    "INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available, "
                            + "previous_observed_at, previous_available, follows_source_poll) VALUES "
                            + "(?, ?, ?::timestamptz, 'USD', ?::numeric, ?::timestamptz, ?::numeric, ?)",
                    entry.getKey(),
                    s.followsNewest ? s.runStartPoll : s.lastSeenPoll,
                    (s.followsNewest ? s.runStartAt : s.lastSeenAt).toString(),
                    s.value,
                    s.previousAt == null ? null : s.previousAt.toString(),
                    s.previousValue,
                    s.followsNewest);
        }
        if (newestPoll != null) {
            exec(
                    c,
                    "INSERT INTO source_balance_poll (source, poll_id, observed_at) VALUES (?, ?, ?::timestamptz)",
                    source,
                    newestPoll,
                    newestAt.toString());
        }
        exec(
                c,
                "INSERT INTO daily_rollup_pending (day, marked_at) SELECT DISTINCT (observed_at AT TIME ZONE 'UTC')"
                        + "::date, now() FROM balance_snapshot ON CONFLICT DO NOTHING");
    }

    private static final class State {
        String value;
        Instant lastSeenAt;
        long lastSeenPoll;
        Instant runStartAt;
        long runStartPoll;
        Instant previousAt;
        String previousValue;
        boolean followsNewest;
    }

    private static long insertPollRun(Connection c, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO poll_run (trigger, started_at, finished_at) "
                + "VALUES ('schedule', ?::timestamptz, ?::timestamptz) RETURNING id")) {
            insert.setString(1, at.toString());
            insert.setString(2, at.toString());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every view's rows as text, in a total order of all their columns. */
    /** Each view's columns, in order, as a select list. */
    private static Map<String, String> columns(Connection c) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        for (String view : VIEWS) {
            List<String> names = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT column_name FROM information_schema.columns "
                            + "WHERE table_schema = 'analytics' AND table_name = '" + view
                            + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            columns.put(view, String.join(", ", names));
        }
        return columns;
    }

    private static Map<String, List<String>> answers(Connection c, Map<String, String> columns) throws SQLException {
        Map<String, List<String>> answers = new HashMap<>();
        for (String view : VIEWS) {
            List<String> rows = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT row(" + columns.get(view) + ")::text FROM analytics." + view + " ORDER BY 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            answers.put(view, rows);
        }
        return answers;
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}
