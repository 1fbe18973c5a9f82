package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the card limits of one source's poll: one history row per card and period, and the latest value per card
 * and period (a late poll never overwrites a newer one), with the configured total of each period where known. Part
 * of {@link JooqSnapshotStore}'s recording transaction: it works on the connection it is given.
 */
final class CardLimitWriter {

    private static final String INSERT_CARD_LIMITS = """
            WITH incoming AS (
                SELECT t.account_id, t.period, t.currency, t.remaining::numeric AS remaining,
                       t.configured_total::numeric AS configured_total
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(account_id, period, currency, remaining, configured_total)
            ), inserted AS (
                INSERT INTO card_limit_snapshot (account_id, period, observed_at, poll_id, currency, remaining,
                                                 configured_total)
                SELECT account_id, period, ?::timestamptz, ?::bigint, currency, remaining, configured_total
                FROM incoming
                RETURNING *
            ), latest AS (
                INSERT INTO latest_card_limit (account_id, period, poll_id, observed_at, currency, remaining,
                                               configured_total)
                SELECT account_id, period, poll_id, observed_at, currency, remaining, configured_total FROM inserted
                ON CONFLICT (account_id, period) DO UPDATE SET
                    poll_id = EXCLUDED.poll_id, observed_at = EXCLUDED.observed_at, currency = EXCLUDED.currency,
                    remaining = EXCLUDED.remaining, configured_total = EXCLUDED.configured_total
                WHERE latest_card_limit.observed_at <= EXCLUDED.observed_at
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM latest)
            """;

    private final CardLimitTotals cardLimitTotals;

    CardLimitWriter(CardLimitTotals cardLimitTotals) {
        this.cardLimitTotals = cardLimitTotals;
    }

    /** @return the history rows written */
    int write(Connection connection, Collection<CardLimitObservation> observations, SourcePollRecord record)
            throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (CardLimitObservation o : observations) {
            Map<LimitPeriod, Money> totals = cardLimitTotals.totalsFor(o.card());
            for (Map.Entry<LimitPeriod, Money> entry : o.remaining().entrySet()) {
                Money total = totals.get(entry.getKey());
                rows.add(new String[] {
                    o.card().id().value(),
                    entry.getKey().apiName(),
                    entry.getValue().currencyCode(),
                    entry.getValue().toPlainString(),
                    total == null ? null : total.toPlainString()
                });
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        String[][] columns = new String[5][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 5; c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CARD_LIMITS)) {
            int p = JdbcValues.bindColumns(connection, statement, 1, columns);
            statement.setString(p++, record.observedAt().toString());
            statement.setLong(p, record.pollId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
