package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the card limits of one source's poll as runs of identical readings, as balances are kept (V38): a card and
 * period read again with the value the source's previous sighting read costs no history row, its open run (the
 * latest row, from {@code first_seen_at} to {@code observed_at}) goes on; a changed value, or a card or period the
 * poll did not read, closes the run into {@code card_limit_run}. A poll older than its source's newest is no sighting:
 * its limits are kept per poll in {@code card_limit_late_snapshot} and change nothing else. Configured totals are
 * stored beside each reading. Part of {@link JooqSnapshotStore}'s recording transaction, after the source's lock.
 */
final class CardLimitWriter {

    private static final String INCOMING = """
            WITH incoming AS (
                SELECT t.account_id, t.period, t.currency, t.remaining::numeric AS remaining,
                       t.configured_total::numeric AS configured_total
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(account_id, period, currency, remaining, configured_total)
            )""";

    /**
     * Parameters after the five columns: the source, the previous sighting's poll, this poll, its time (twice). The
     * source's open runs and the readings are paired by one full join, which PostgreSQL runs as a hash or merge join
     * whatever its estimates (an anti join of the two could become a nested loop over both).
     */
    private static final String RECORD_NEWEST = INCOMING + """
            , open_run AS (
                SELECT a.account_key, l.account_id, l.period, l.poll_id, l.first_seen_at, l.observed_at, l.currency,
                       l.remaining, l.configured_total
                FROM account a
                JOIN latest_card_limit l ON l.account_id = a.id
                WHERE a.source = ? AND a.kind = 'card-limit' AND l.first_seen_at IS NOT NULL
            ), paired AS (
                SELECT o.account_key, o.account_id AS run_account_id, o.period AS run_period, o.first_seen_at,
                       o.observed_at, o.currency AS run_currency, o.remaining AS run_remaining,
                       o.configured_total AS run_configured_total, i.account_id, i.period, i.currency, i.remaining,
                       i.configured_total,
                       -- read with the same value by the sighting before this one: the run goes on
                       (coalesce(o.poll_id = CAST(? AS bigint), FALSE) AND i.account_id IS NOT NULL
                        AND (i.currency, i.remaining, i.configured_total)
                            IS NOT DISTINCT FROM (o.currency, o.remaining, o.configured_total)) AS continues
                FROM open_run o
                FULL JOIN incoming i ON i.account_id = o.account_id AND i.period = o.period
            ), closed AS (
                INSERT INTO card_limit_run (account_key, period, first_seen_at, last_seen_at, currency, remaining,
                                            configured_total)
                SELECT p.account_key, p.run_period, p.first_seen_at, p.observed_at, p.run_currency, p.run_remaining,
                       p.run_configured_total
                FROM paired p
                WHERE p.run_account_id IS NOT NULL AND NOT p.continues
                RETURNING 1
            ), stopped AS (
                -- not read by this poll: the latest value stays, its run is closed above
                UPDATE latest_card_limit l SET first_seen_at = NULL
                FROM paired p
                WHERE p.account_id IS NULL AND l.account_id = p.run_account_id AND l.period = p.run_period
                RETURNING 1
            ), latest AS (
                INSERT INTO latest_card_limit (account_id, period, poll_id, observed_at, first_seen_at, currency,
                                               remaining, configured_total)
                SELECT p.account_id, p.period, ?::bigint, ?::timestamptz,
                       CASE WHEN p.continues THEN p.first_seen_at ELSE ?::timestamptz END,
                       p.currency, p.remaining, p.configured_total
                FROM paired p
                WHERE p.account_id IS NOT NULL
                ON CONFLICT (account_id, period) DO UPDATE SET
                    poll_id = EXCLUDED.poll_id, observed_at = EXCLUDED.observed_at,
                    first_seen_at = EXCLUDED.first_seen_at, currency = EXCLUDED.currency,
                    remaining = EXCLUDED.remaining, configured_total = EXCLUDED.configured_total
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM latest), (SELECT count(*) FROM closed), (SELECT count(*) FROM stopped)
            """;

    /** Parameters after the five columns: this poll's time and its id. */
    private static final String RECORD_LATE = INCOMING + """
            , late AS (
                INSERT INTO card_limit_late_snapshot (account_key, period, observed_at, poll_id, currency, remaining,
                                                      configured_total)
                SELECT a.account_key, i.period, ?::timestamptz, ?::bigint, i.currency, i.remaining, i.configured_total
                FROM incoming i
                JOIN account a ON a.id = i.account_id
                RETURNING 1
            )
            SELECT count(*) FROM late
            """;

    private final CardLimitTotals cardLimitTotals;

    CardLimitWriter(CardLimitTotals cardLimitTotals) {
        this.cardLimitTotals = cardLimitTotals;
    }

    /**
     * @param previous the source's newest recorded poll before this one, as the source's lock found it
     * @return the card limits recorded (one per card and period read)
     */
    int write(
            Connection connection,
            Collection<CardLimitObservation> observations,
            SourcePollRecord record,
            Optional<NewestBalancePoll> previous)
            throws SQLException {
        boolean newest = NewestBalancePoll.isNewest(previous, record);
        String[][] columns = columns(observations);
        if (!newest && columns[0].length == 0) {
            return 0;
        }
        // a newest poll reading no card still closes the runs of the cards its source's previous sighting read
        try (PreparedStatement statement = connection.prepareStatement(newest ? RECORD_NEWEST : RECORD_LATE)) {
            int p = JdbcValues.bindColumns(connection, statement, 1, columns);
            if (newest) {
                statement.setString(p++, record.source());
                statement.setObject(p++, previous.map(NewestBalancePoll::pollId).orElse(null), Types.BIGINT);
                statement.setLong(p++, record.pollId());
                statement.setString(p++, record.observedAt().toString());
                statement.setString(p, record.observedAt().toString());
            } else {
                statement.setString(p++, record.observedAt().toString());
                statement.setLong(p, record.pollId());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The readings as five text columns: card account, period, currency, remaining and configured total. */
    private String[][] columns(Collection<CardLimitObservation> observations) {
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
        String[][] columns = new String[5][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 5; c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        return columns;
    }
}
