package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The accounts a source lists ({@code account}, with each name kept in {@code account_name}): a poll writes only
 * those whose description may have changed, judged against what this process last wrote ({@link KnownAccounts}).
 * Works on the recording's connection, inside its transaction; the cache learns only what has committed.
 */
final class AccountRegistry {

    /**
     * Inserts new accounts and rewrites only those whose name, parent or attributes changed or that come back after
     * being gone: an unchanged account costs one index probe, not a write.
     */
    private static final String UPSERT_ACCOUNTS = """
            WITH incoming AS (
                SELECT t.id, t.source, t.provider, t.kind, t.external_id, t.name, t.currency, t.parent_external_id,
                       t.attributes::jsonb AS attributes
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                    AS t(id, source, provider, kind, external_id, name, currency, parent_external_id, attributes)
            ), changed AS (
                SELECT i.*, a.id IS NULL OR a.name <> i.name AS name_is_new
                FROM incoming i LEFT JOIN account a ON a.id = i.id
                WHERE a.id IS NULL OR a.name <> i.name
                   OR a.parent_external_id IS DISTINCT FROM i.parent_external_id
                   OR a.attributes <> i.attributes OR a.gone_at IS NOT NULL
            ), upserted AS (
                INSERT INTO account (id, source, provider, kind, external_id, name, currency, parent_external_id,
                                     attributes, first_seen_at)
                SELECT id, source, provider, kind, external_id, name, currency, parent_external_id, attributes,
                       ?::timestamptz
                FROM changed
                ON CONFLICT (id) DO UPDATE SET
                    name = EXCLUDED.name,
                    parent_external_id = EXCLUDED.parent_external_id,
                    attributes = EXCLUDED.attributes,
                    gone_at = NULL
                RETURNING id
            )
            INSERT INTO account_name (account_id, name, seen_from)
            SELECT c.id, c.name, ?::timestamptz
            FROM changed c JOIN upserted u ON u.id = c.id
            WHERE c.name_is_new
            ON CONFLICT DO NOTHING
            """;

    private final KnownAccounts knownAccounts = new KnownAccounts();

    /**
     * Writes the accounts of {@code source} whose stored description may differ from the one seen, in the source's
     * recording number {@code recording} (see {@link LatestBalanceFollower#lockNewest}).
     *
     * @return the accounts written (those whose labels may have changed too)
     */
    List<Account> write(Connection connection, String source, List<Account> accounts, Instant seenAt, long recording)
            throws SQLException {
        List<Account> changed = knownAccounts.changedOrUnknown(source, accounts, recording);
        if (!changed.isEmpty()) {
            upsert(connection, changed, seenAt);
        }
        return changed;
    }

    /**
     * Called once the source's recording {@code recording} has committed, with the accounts {@link #write} returned
     * for it; the others are already remembered as they are, so a poll in which nothing changed costs nothing here.
     */
    void remember(String source, List<Account> written, long recording) {
        knownAccounts.remember(source, written, recording);
    }

    /** After accounts were marked gone, their next sighting must be written again. */
    void forget(List<String> accountIds) {
        knownAccounts.forget(accountIds);
    }

    private static void upsert(Connection connection, List<Account> accounts, Instant seenAt) throws SQLException {
        int n = accounts.size();
        String[][] columns = new String[9][n];
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            columns[0][i] = a.id().value();
            columns[1][i] = a.source();
            columns[2][i] = a.provider().configName();
            columns[3][i] = a.kind().slug();
            columns[4][i] = a.externalId();
            columns[5][i] = a.name();
            columns[6][i] = a.currency().getCurrencyCode();
            columns[7][i] = a.parentExternalId().orElse(null);
            columns[8][i] = JsonText.object(a.attributes());
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_ACCOUNTS)) {
            int p = JdbcValues.bindColumns(connection, statement, 1, columns);
            String at = seenAt.toString();
            statement.setString(p++, at);
            statement.setString(p, at);
            statement.executeUpdate();
        }
    }
}
