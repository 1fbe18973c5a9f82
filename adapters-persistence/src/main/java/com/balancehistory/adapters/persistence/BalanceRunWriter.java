package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the balances that may have changed into the latest values and ends the runs they close into
 * {@code balance_run}, with each change's significance and direction; ends the runs of accounts a poll no longer
 * saw. Works on the recording's connection, inside its transaction; which balances to offer is decided by
 * {@link LatestBalanceFollower}.
 */
final class BalanceRunWriter {

    /**
     * Whether a change is significant: the domain's {@link ChangeDetector} rule as SQL over {@code c} (the previous
     * and new {@code available}), {@code th} (the configured amount of the change's currency, if any) and {@code sp}
     * (the configured percentage, if any). The store keeps it in SQL because the changes are computed there, in the
     * one statement that writes them; {@code ChangeSignificanceSqlIT} proves it agrees with the detector.
     */
    static final String SIGNIFICANT = """
            ((th.amount IS NOT NULL AND abs(c.available - c.previous_available) >= th.amount)
             OR (sp.percent IS NOT NULL
                 AND (c.previous_available = 0
                      OR abs(c.available - c.previous_available) * 100 >= abs(c.previous_available) * sp.percent))
             OR (th.amount IS NULL AND sp.percent IS NULL))""";

    /**
     * The latest value of the accounts offered (those that may have changed). A row is updated when this poll is
     * the source's newest and the value differs or the row did not follow the previous poll; offered accounts
     * that may be new get a row if they have none, with their account's columns joined in (the row trigger that
     * would otherwise copy them is skipped, V6). An updated row that followed the previous poll ends its run: the
     * run, from the row's first sighting to that previous poll, becomes a closed row of balance_run (the update
     * reads the row as it was through a second reference to the table). The update keeps the value it replaces,
     * so its RETURNING rows are exactly the consecutive pairs that change events need. A closed run carries the
     * value before its change only where the run before it cannot give it to readers: that value was no closed run
     * ({@code previous_run_closed}, e.g. seen only by a poll recorded late), or retention may drop the run before
     * alone (another month, {@code one_history_month}). A poll older than the
     * source's newest is no sighting of the runs: its balances are kept per poll in balance_late_snapshot, and it
     * only adds latest rows for accounts that have none. Plain UPDATE and INSERT rather than an upsert: recordings
     * of a source are serialised by its source_balance_poll row, and a replay never gets here.
     */
    private static final String WRITE_LATEST_BALANCES = """
            WITH poll AS (
                SELECT ?::bigint AS poll_id, ?::timestamptz AS observed_at, ?::boolean AS newest,
                       ?::timestamptz AS previous_observed_at
            ), thresholds AS (
                SELECT * FROM unnest(?::text[], ?::numeric[]) AS th(currency, amount)
            ), noise AS (
                SELECT * FROM unnest(?::text[], ?::numeric[]) AS n(currency, amount)
            ), noise_percent AS (
                SELECT ?::numeric AS percent
            ), significance AS (
                SELECT ?::numeric AS percent
            ), updated AS (
                UPDATE latest_balance l SET
                    previous_observed_at = CASE WHEN l.follows_source_poll THEN poll.previous_observed_at
                                                ELSE l.observed_at END,
                    previous_available = l.available,
                    previous_run_closed = CASE WHEN l.follows_source_poll THEN TRUE ELSE EXISTS (
                        SELECT 1 FROM account ka JOIN balance_run kr ON kr.account_key = ka.account_key
                        WHERE ka.id = l.account_id AND kr.last_seen_at = l.observed_at
                          AND kr.available = l.available) END,
                    change_significant = CASE WHEN c.available <> c.previous_available THEN
            """ + SIGNIFICANT + """
                                         END,
                    change_direction = CASE WHEN c.available = c.previous_available THEN NULL
                        WHEN c.available < c.previous_available THEN 'd'
                        WHEN old.kind = 'card-limit' THEN 'r'
                        WHEN (n.amount IS NULL OR c.available - c.previous_available > n.amount)
                             AND (np.percent IS NULL OR c.previous_available = 0
                                  OR (c.available - c.previous_available) * 100 > abs(c.previous_available) * np.percent)
                            THEN 't'
                        ELSE 'i' END,
                    poll_id = poll.poll_id, observed_at = poll.observed_at,
                    provider_as_of = i.provider_as_of, currency = i.currency, available = i.available,
                    ledger = i.ledger, pending = i.pending, allocated = i.allocated, initial = i.initial,
                    follows_source_poll = TRUE
                FROM offered_balance i
                JOIN latest_balance old ON old.account_id = i.account_id
                CROSS JOIN LATERAL (SELECT i.available, old.available AS previous_available) c
                CROSS JOIN poll
                CROSS JOIN noise_percent np
                CROSS JOIN significance sp
                LEFT JOIN thresholds th ON th.currency = i.currency
                LEFT JOIN noise n ON n.currency = i.currency
                WHERE l.account_id = i.account_id AND poll.newest AND l.observed_at < poll.observed_at
                  AND (NOT l.follows_source_poll OR l.currency <> i.currency OR l.available <> i.available
                       OR l.ledger IS DISTINCT FROM i.ledger OR l.pending IS DISTINCT FROM i.pending
                       OR l.allocated IS DISTINCT FROM i.allocated OR l.initial IS DISTINCT FROM i.initial
                       OR l.provider_as_of IS DISTINCT FROM i.provider_as_of)
                RETURNING l.account_id, l.account_key, old.follows_source_poll AS ended_a_run,
                          old.observed_at AS run_first_seen_at, old.provider_as_of AS run_provider_as_of,
                          old.currency AS run_currency, old.available AS run_available, old.ledger AS run_ledger,
                          old.pending AS run_pending, old.allocated AS run_allocated, old.initial AS run_initial,
                          old.change_direction AS run_change_direction,
                          old.change_significant AS run_change_significant,
                          old.previous_available AS run_previous_available,
                          old.previous_observed_at AS run_previous_observed_at,
                          old.previous_run_closed AS run_previous_run_closed
            ), closed AS (
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, provider_as_of, currency,
                                         available, ledger, pending, allocated, initial, change_direction,
                                         change_significant, previous_available, previous_observed_at)
                SELECT u.account_key, u.run_first_seen_at, poll.previous_observed_at, u.run_provider_as_of,
                       u.run_currency, u.run_available, u.run_ledger, u.run_pending, u.run_allocated, u.run_initial,
                       u.run_change_direction, u.run_change_significant,
                       CASE WHEN k.keeps_previous THEN u.run_previous_available END,
                       CASE WHEN k.keeps_previous THEN u.run_previous_observed_at END
                FROM updated u
                CROSS JOIN poll
                CROSS JOIN LATERAL (SELECT u.run_change_direction IS NOT NULL AND NOT (u.run_previous_run_closed
                        AND one_history_month(u.run_previous_observed_at, poll.previous_observed_at))
                        AS keeps_previous) k
                WHERE u.ended_a_run
                -- in key order: the runs' primary key is then written leaf after leaf instead of at random
                ORDER BY u.account_key
            ), late AS (
                INSERT INTO balance_late_snapshot (account_key, observed_at, poll_id, provider_as_of, currency,
                                                   available, ledger, pending, allocated, initial)
                SELECT a.account_key, poll.observed_at, poll.poll_id, i.provider_as_of, i.currency, i.available,
                       i.ledger, i.pending, i.allocated, i.initial
                FROM offered_balance i JOIN account a ON a.id = i.account_id, poll
                WHERE NOT poll.newest
            )
            INSERT INTO latest_balance (account_id, poll_id, observed_at, provider_as_of, currency, available,
                                        ledger, pending, allocated, initial, follows_source_poll, source,
                                        provider, kind, external_id, name, parent_external_id, first_seen_at,
                                        gone_at, account_key)
            SELECT i.account_id, poll.poll_id, poll.observed_at, i.provider_as_of, i.currency, i.available,
                   i.ledger, i.pending, i.allocated, i.initial, poll.newest, a.source, a.provider, a.kind,
                   a.external_id, a.name, a.parent_external_id, a.first_seen_at, a.gone_at, a.account_key
            FROM offered_balance i JOIN account a ON a.id = i.account_id, poll
            WHERE i.maybe_new
              AND NOT EXISTS (SELECT 1 FROM latest_balance l WHERE l.account_id = i.account_id)
            """;

    /**
     * The balances offered to {@link #WRITE_LATEST_BALANCES} reach the server by COPY into this table: cheaper, for a
     * large poll, than nine array parameters built in Java and parsed back into rows by the server. It is created
     * once per connection and emptied by every commit, instead of being created and dropped
     * by each poll, which wrote and then deleted its rows in the system catalogs every time.
     */
    private static final String STAGE_OFFERED_BALANCES = """
            CREATE TEMPORARY TABLE IF NOT EXISTS offered_balance (
                account_id TEXT, provider_as_of TIMESTAMPTZ, currency TEXT, available NUMERIC, ledger NUMERIC,
                pending NUMERIC, allocated NUMERIC, initial NUMERIC, maybe_new BOOLEAN
            ) ON COMMIT DELETE ROWS
            """;

    private static final String COPY_OFFERED_BALANCES = "offered_balance (account_id, provider_as_of, currency, "
            + "available, ledger, pending, allocated, initial, maybe_new)";

    /**
     * Accounts the previous poll saw and this one did not: their last sighting is that previous poll, and their
     * run ends there, becoming a closed row of balance_run.
     */
    private static final String STOP_FOLLOWING_ACCOUNTS = """
            WITH stopped AS (
                UPDATE latest_balance l SET follows_source_poll = FALSE, poll_id = ?, observed_at = ?::timestamptz
                FROM latest_balance old
                WHERE old.account_id = l.account_id AND l.account_id = ANY (?::text[]) AND l.follows_source_poll
                RETURNING l.account_id, old.observed_at AS first_seen_at, l.observed_at AS last_seen_at,
                          l.provider_as_of, l.currency, l.available, l.ledger, l.pending, l.allocated, l.initial,
                          l.change_direction, l.change_significant, l.previous_available, l.previous_observed_at,
                          l.previous_run_closed
            )
            INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, provider_as_of, currency, available,
                                     ledger, pending, allocated, initial, change_direction, change_significant,
                                     previous_available, previous_observed_at)
            SELECT a.account_key, s.first_seen_at, s.last_seen_at, s.provider_as_of, s.currency, s.available,
                   s.ledger, s.pending, s.allocated, s.initial, s.change_direction, s.change_significant,
                   CASE WHEN k.keeps_previous THEN s.previous_available END,
                   CASE WHEN k.keeps_previous THEN s.previous_observed_at END
            FROM stopped s
            JOIN account a ON a.id = s.account_id
            CROSS JOIN LATERAL (SELECT s.change_direction IS NOT NULL AND NOT (s.previous_run_closed
                    AND one_history_month(s.previous_observed_at, s.last_seen_at)) AS keeps_previous) k
            ORDER BY a.account_key
            """;

    private final ChangeDetector significance;
    private final TopUpNoise topUpNoise;

    BalanceRunWriter(ChangeDetector significance, TopUpNoise topUpNoise) {
        this.significance = significance;
        this.topUpNoise = Objects.requireNonNull(topUpNoise, "topUpNoise");
    }

    /** Ends the runs of accounts the previous poll saw and this one did not, at that previous poll. */
    void stopFollowing(Connection connection, NewestBalancePoll previous, List<String> accounts) throws SQLException {
        if (accounts.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(STOP_FOLLOWING_ACCOUNTS)) {
            update.setLong(1, previous.pollId());
            update.setString(2, previous.observedAt().toString());
            update.setArray(3, connection.createArrayOf("text", accounts.toArray()));
            update.executeUpdate();
        }
    }

    /**
     * Writes the offered balances: for the source's newest poll their latest values and the runs they close, for an
     * older poll its late snapshots; either way a latest row for offered accounts that have none.
     *
     * @param maybeNew per offered balance, whether its account may have no latest row yet
     */
    void write(
            Connection connection,
            List<BalanceObservation> offered,
            List<Boolean> maybeNew,
            boolean newest,
            Optional<NewestBalancePoll> previous,
            SourcePollRecord record)
            throws SQLException {
        if (offered.isEmpty()) {
            return;
        }
        try (PreparedStatement stage = connection.prepareStatement(STAGE_OFFERED_BALANCES)) {
            stage.execute();
        }
        try (CopyRows copy = CopyRows.into(connection, COPY_OFFERED_BALANCES)) {
            for (int i = 0; i < offered.size(); i++) {
                copyBalanceValues(copy, offered.get(i))
                        .value(maybeNew.get(i) ? "t" : "f")
                        .endRow();
            }
            copy.end();
        }
        String[] thresholdCurrencies = significance.minimumAbsolute().keySet().stream()
                .map(Currency::getCurrencyCode)
                .toArray(String[]::new);
        String[] thresholdAmounts = significance.minimumAbsolute().keySet().stream()
                .map(currency -> significance.minimumAbsolute().get(currency).toPlainString())
                .toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(WRITE_LATEST_BALANCES)) {
            int p = 1;
            statement.setLong(p++, record.pollId());
            statement.setString(p++, record.observedAt().toString());
            statement.setBoolean(p++, newest);
            statement.setString(
                    p++, previous.map(poll -> poll.observedAt().toString()).orElse(null));
            statement.setArray(p++, connection.createArrayOf("text", thresholdCurrencies));
            statement.setArray(p++, connection.createArrayOf("text", thresholdAmounts));
            statement.setArray(
                    p++,
                    connection.createArrayOf(
                            "text", topUpNoise.amountByCurrency().keySet().toArray(String[]::new)));
            statement.setArray(
                    p++,
                    connection.createArrayOf(
                            "text",
                            topUpNoise.amountByCurrency().values().stream()
                                    .map(BigDecimal::toPlainString)
                                    .toArray(String[]::new)));
            statement.setBigDecimal(p++, topUpNoise.percentOfPrevious().orElse(null));
            statement.setBigDecimal(p, significance.minimumPercent().orElse(null));
            statement.executeUpdate();
        }
    }

    /**
     * One offered balance, in the order its COPY takes it: account id, provider as-of, currency, available, ledger,
     * pending, allocated, initial.
     */
    private static CopyRows copyBalanceValues(CopyRows copy, BalanceObservation o) {
        Balances b = o.balances();
        return copy.value(o.account().id().value())
                .value(o.providerAsOf().map(Instant::toString).orElse(null))
                .value(b.available().currencyCode())
                .value(b.available().toPlainString())
                .value(plain(b.ledger()))
                .value(plain(b.pending()))
                .value(plain(b.allocated()))
                .value(plain(b.initial()));
    }

    private static String plain(Optional<Money> money) {
        return money.map(Money::toPlainString).orElse(null);
    }
}
