package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes account labels with their validity ({@code account_label}) as part of recording a poll. Only the accounts
 * whose description may have changed are offered (see {@link KnownAccounts}), and of those only the labels that
 * differ from the open assignments are written: a value that went away or changed is closed at the poll's time, a
 * new one opened from it. Two statements, and none when nothing is offered.
 *
 * <p>A poll older than an account's newest assignment (two polls racing) leaves that assignment alone: it closes
 * only values that began before it and opens none where a later assignment of the key exists. The caller holds the
 * source's recording lock, so two recordings never open the same value twice.
 */
final class LabelAssignments {

    /** Open values of the offered accounts that the poll no longer gives (removed, or with another value). */
    private static final String CLOSE = """
            WITH offered AS (SELECT unnest(?::text[]) AS account_id),
                 incoming AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) AS t(account_id, key, value))
            UPDATE account_label l SET valid_to = ?::timestamptz
            FROM offered o
            WHERE l.account_id = o.account_id AND l.valid_to IS NULL AND l.valid_from < ?::timestamptz
              AND NOT EXISTS (SELECT 1 FROM incoming i
                              WHERE i.account_id = l.account_id AND i.key = l.key AND i.value = l.value)
            """;

    /** Values the poll gives that no open assignment holds, unless a newer assignment of the key exists. */
    private static final String OPEN = """
            INSERT INTO account_label (account_id, key, value, valid_from)
            SELECT i.account_id, i.key, i.value, ?::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[]) AS i(account_id, key, value)
            WHERE NOT EXISTS (SELECT 1 FROM account_label l
                              WHERE l.account_id = i.account_id AND l.key = i.key
                                AND ((l.valid_to IS NULL AND l.value = i.value) OR l.valid_from >= ?::timestamptz
                                     OR l.valid_to > ?::timestamptz))
            """;

    private LabelAssignments() {}

    /** Brings the stored labels of {@code accounts} (already in {@code account}) to theirs, from {@code at}. */
    static void write(Connection connection, List<Account> accounts, Instant at) throws SQLException {
        if (accounts.isEmpty()) {
            return;
        }
        String[] offered = new String[accounts.size()];
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            offered[i] = account.id().value();
            account.labels().values().forEach((key, value) -> {
                ids.add(account.id().value());
                keys.add(key);
                values.add(value);
            });
        }
        String time = at.toString();
        try (PreparedStatement close = connection.prepareStatement(CLOSE)) {
            close.setArray(1, connection.createArrayOf("text", offered));
            close.setArray(2, connection.createArrayOf("text", ids.toArray()));
            close.setArray(3, connection.createArrayOf("text", keys.toArray()));
            close.setArray(4, connection.createArrayOf("text", values.toArray()));
            close.setString(5, time);
            close.setString(6, time);
            close.executeUpdate();
        }
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement open = connection.prepareStatement(OPEN)) {
            open.setString(1, time);
            open.setArray(2, connection.createArrayOf("text", ids.toArray()));
            open.setArray(3, connection.createArrayOf("text", keys.toArray()));
            open.setArray(4, connection.createArrayOf("text", values.toArray()));
            open.setString(5, time);
            open.setString(6, time);
            open.executeUpdate();
        }
    }
}
