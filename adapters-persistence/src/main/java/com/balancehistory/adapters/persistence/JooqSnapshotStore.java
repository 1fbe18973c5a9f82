package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.in.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.POLL_RUN;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;

/**
 * PostgreSQL snapshot store. One source's poll is one transaction. Bulk rows travel as arrays through
 * {@code unnest(...)}, so a 100,000-account poll is a handful of statements rather than 100,000 round trips. The
 * snapshot insert, the latest values (which keep the value they replace) and the change events are one statement.
 * A replay is recognised by the poll's source row, its natural key; daily rollups are made later, from the raw rows
 * ({@link JooqDailyRollup}).
 */
public final class JooqSnapshotStore implements SnapshotStore {

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

    /**
     * One statement per poll for balances: the snapshots, then the latest value of each account. The latest upsert
     * keeps the value it replaces, so its RETURNING rows are exactly the consecutive pairs that change events need.
     */
    private static final String INSERT_BALANCES = """
            WITH incoming AS (
                SELECT t.account_id, t.provider_as_of::timestamptz AS provider_as_of, t.currency,
                       t.available::numeric AS available, t.ledger::numeric AS ledger, t.pending::numeric AS pending,
                       t.allocated::numeric AS allocated, t.initial::numeric AS initial
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(account_id, provider_as_of, currency, available, ledger, pending, allocated, initial)
            ), inserted AS (
                INSERT INTO balance_snapshot (account_id, observed_at, poll_id, provider_as_of, currency, available,
                                              ledger, pending, allocated, initial)
                SELECT account_id, ?::timestamptz, ?::bigint, provider_as_of, currency, available, ledger, pending,
                       allocated, initial
                FROM incoming
                RETURNING 1
            ), latest AS (
                -- fed from the input, not from RETURNING: a replay has the same observed_at and updates nothing
                INSERT INTO latest_balance AS l (account_id, poll_id, observed_at, provider_as_of, currency, available,
                                                 ledger, pending, allocated, initial)
                SELECT account_id, ?::bigint, ?::timestamptz, provider_as_of, currency, available, ledger, pending,
                       allocated, initial
                FROM incoming
                ON CONFLICT (account_id) DO UPDATE SET
                    previous_observed_at = l.observed_at, previous_available = l.available,
                    poll_id = EXCLUDED.poll_id, observed_at = EXCLUDED.observed_at,
                    provider_as_of = EXCLUDED.provider_as_of, currency = EXCLUDED.currency,
                    available = EXCLUDED.available, ledger = EXCLUDED.ledger, pending = EXCLUDED.pending,
                    allocated = EXCLUDED.allocated, initial = EXCLUDED.initial
                WHERE l.observed_at < EXCLUDED.observed_at
                RETURNING l.account_id, l.observed_at, l.poll_id, l.currency, l.available, l.previous_observed_at,
                          l.previous_available
            ), thresholds AS (
                SELECT * FROM unnest(?::text[], ?::numeric[]) AS th(currency, amount)
            ), changes AS (
                INSERT INTO balance_change (account_id, observed_at, poll_id, previous_observed_at, currency,
                                            previous_available, available, change, significant)
                SELECT c.account_id, c.observed_at, c.poll_id, c.previous_observed_at, c.currency,
                       c.previous_available, c.available, c.available - c.previous_available,
                       (th.amount IS NOT NULL AND abs(c.available - c.previous_available) >= th.amount)
                       OR (c.previous_available <> 0
                           AND abs(c.available - c.previous_available) * 100 >= abs(c.previous_available) * ?::numeric)
                       OR c.previous_available = 0
                FROM latest c
                LEFT JOIN thresholds th ON th.currency = c.currency
                WHERE c.previous_available IS NOT NULL AND c.previous_available <> c.available
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM changes)
            """;

    private static final String MARK_DAY_FOR_ROLLUP = """
            INSERT INTO daily_rollup_pending (day, marked_at) VALUES ((?::timestamptz AT TIME ZONE 'UTC')::date, now())
            ON CONFLICT (day) DO UPDATE SET marked_at = EXCLUDED.marked_at
            """;

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

    private static final String INSERT_RAW_RESPONSE = """
            INSERT INTO raw_response (poll_id, source, endpoint, http_status, body, body_text, received_at)
            SELECT ?, ?, ?, ?, try_jsonb(t.body), CASE WHEN try_jsonb(t.body) IS NULL THEN t.body END, ?::timestamptz
            FROM (SELECT ?::text AS body) t
            """;

    private final DSLContext dsl;
    private final ChangeSignificance significance;
    private final CardLimitTotals cardLimitTotals;
    private final Set<YearMonth> partitionsEnsured = ConcurrentHashMap.newKeySet();
    private final KnownAccounts knownAccounts = new KnownAccounts(KnownAccounts.DEFAULT_TRUST);

    public JooqSnapshotStore(DSLContext dsl, ChangeSignificance significance, CardLimitTotals cardLimitTotals) {
        this.dsl = dsl;
        this.significance = significance;
        this.cardLimitTotals = cardLimitTotals;
    }

    @Override
    public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        return dsl.insertInto(POLL_RUN)
                .set(POLL_RUN.TRIGGER, trigger.code())
                .set(POLL_RUN.REQUESTED_SOURCE, requestedSource.orElse(null))
                .set(POLL_RUN.STARTED_AT, utc(startedAt))
                .returning(POLL_RUN.ID)
                .fetchOne(POLL_RUN.ID);
    }

    @Override
    public void finishPollRun(long pollId, Instant finishedAt) {
        dsl.update(POLL_RUN)
                .set(POLL_RUN.FINISHED_AT, utc(finishedAt))
                .where(POLL_RUN.ID.eq(pollId))
                .execute();
    }

    @Override
    public int recordSource(SourcePollRecord record) {
        ensurePartition(record.observedAt());
        List<Account> written = new ArrayList<>();
        int rows = dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            // Idempotency gate: the source's row of this poll is its natural key. A replay finds it (or waits for
            // a concurrent first attempt to commit, then finds it) and writes nothing; the snapshot tables' own
            // keys still refuse any duplicate, so the bulk inserts need no per-row conflict handling.
            int claimed = db.insertInto(POLL_SOURCE_RESULT)
                    .set(POLL_SOURCE_RESULT.POLL_ID, record.pollId())
                    .set(POLL_SOURCE_RESULT.SOURCE, record.source())
                    .set(POLL_SOURCE_RESULT.PROVIDER, record.provider())
                    .set(POLL_SOURCE_RESULT.OUTCOME, record.outcome().code())
                    .set(POLL_SOURCE_RESULT.ERROR_TEXT, record.error().orElse(null))
                    .set(POLL_SOURCE_RESULT.ACCOUNTS_SEEN, accountsSeen(record.result()))
                    .set(POLL_SOURCE_RESULT.ROWS_WRITTEN, 0)
                    .set(POLL_SOURCE_RESULT.STARTED_AT, utc(record.startedAt()))
                    .set(POLL_SOURCE_RESULT.FINISHED_AT, utc(record.observedAt()))
                    .onConflictDoNothing()
                    .execute();
            if (claimed == 0) {
                return 0;
            }
            int snapshotRows = db.connectionResult(connection -> writeSource(connection, record, written));
            if (snapshotRows > 0) {
                db.update(POLL_SOURCE_RESULT)
                        .set(POLL_SOURCE_RESULT.ROWS_WRITTEN, snapshotRows)
                        .where(POLL_SOURCE_RESULT.POLL_ID.eq(record.pollId()))
                        .and(POLL_SOURCE_RESULT.SOURCE.eq(record.source()))
                        .execute();
            }
            if (record.result() instanceof FetchResult.Fetched fetched && !fetched.fullyListedKinds().isEmpty()) {
                markMissingAccountsGone(db, record, fetched);
            }
            return snapshotRows;
        });
        knownAccounts.remember(written, record.observedAt()); // only what is committed
        return rows;
    }

    private int writeSource(Connection connection, SourcePollRecord record, List<Account> written)
            throws SQLException {
        insertRawResponses(connection, record);
        if (!(record.result() instanceof FetchResult.Fetched fetched)) {
            return 0;
        }
        Map<String, BalanceObservation> balances = uniqueBy(fetched.balances(), o -> o.account().id().value());
        Map<String, CardLimitObservation> limits = uniqueBy(fetched.cardLimits(), o -> o.card().id().value());
        List<Account> accounts = new ArrayList<>();
        balances.values().forEach(o -> accounts.add(o.account()));
        limits.values().forEach(o -> accounts.add(o.card()));
        if (accounts.isEmpty()) {
            return 0;
        }
        List<Account> changed = knownAccounts.changedOrUnknown(accounts, record.observedAt());
        if (!changed.isEmpty()) {
            upsertAccounts(connection, changed, record.observedAt());
        }
        bringBackGoneAccounts(connection, record.source(), accounts);
        written.addAll(accounts);
        int snapshotRows = insertBalances(connection, balances.values(), record)
                + insertCardLimits(connection, limits.values(), record);
        if (!balances.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_DAY_FOR_ROLLUP)) {
                mark.setString(1, record.observedAt().toString());
                mark.executeUpdate();
            }
        }
        return snapshotRows;
    }

    /**
     * Another instance may have marked an account gone that this instance still remembers as unchanged; gone
     * accounts are few, so they are fetched and matched here rather than probing every account.
     */
    private static void bringBackGoneAccounts(Connection connection, String source, List<Account> seen)
            throws SQLException {
        List<String> gone = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM account WHERE source = ? AND gone_at IS NOT NULL")) {
            query.setString(1, source);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    gone.add(rs.getString(1));
                }
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        Set<String> goneIds = new java.util.HashSet<>(gone);
        String[] back = seen.stream().map(a -> a.id().value()).filter(goneIds::contains).toArray(String[]::new);
        if (back.length > 0) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET gone_at = NULL WHERE id = ANY (?::text[])")) {
                update.setArray(1, connection.createArrayOf("text", back));
                update.executeUpdate();
            }
        }
    }

    private void upsertAccounts(Connection connection, List<Account> accounts, Instant seenAt) throws SQLException {
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
            int p = bindColumns(connection, statement, 1, columns);
            String at = seenAt.toString();
            statement.setString(p++, at);
            statement.setString(p, at);
            statement.executeUpdate();
        }
    }

    private int insertBalances(Connection connection, Collection<BalanceObservation> observations,
                               SourcePollRecord record) throws SQLException {
        if (observations.isEmpty()) {
            return 0;
        }
        int n = observations.size();
        String[][] columns = new String[8][n];
        int i = 0;
        for (BalanceObservation o : observations) {
            Balances b = o.balances();
            columns[0][i] = o.account().id().value();
            columns[1][i] = o.providerAsOf().map(Instant::toString).orElse(null);
            columns[2][i] = b.available().currencyCode();
            columns[3][i] = b.available().toPlainString();
            columns[4][i] = plain(b.ledger());
            columns[5][i] = plain(b.pending());
            columns[6][i] = plain(b.allocated());
            columns[7][i] = plain(b.initial());
            i++;
        }
        String[] thresholdCurrencies = significance.absoluteByCurrency().keySet().toArray(String[]::new);
        String[] thresholdAmounts = significance.absoluteByCurrency().values().stream()
                .map(BigDecimal::toPlainString).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(INSERT_BALANCES)) {
            int p = bindColumns(connection, statement, 1, columns);
            statement.setString(p++, record.observedAt().toString());
            statement.setLong(p++, record.pollId());
            statement.setLong(p++, record.pollId());
            statement.setString(p++, record.observedAt().toString());
            statement.setArray(p++, connection.createArrayOf("text", thresholdCurrencies));
            statement.setArray(p++, connection.createArrayOf("text", thresholdAmounts));
            statement.setBigDecimal(p, significance.percentOfPrevious());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int insertCardLimits(Connection connection, Collection<CardLimitObservation> observations,
                                 SourcePollRecord record) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (CardLimitObservation o : observations) {
            Map<LimitPeriod, Money> totals = cardLimitTotals.totalsFor(o.card());
            for (Map.Entry<LimitPeriod, Money> entry : o.remaining().entrySet()) {
                Money total = totals.get(entry.getKey());
                rows.add(new String[]{o.card().id().value(), entry.getKey().apiName(), entry.getValue().currencyCode(),
                        entry.getValue().toPlainString(), total == null ? null : total.toPlainString()});
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
            int p = bindColumns(connection, statement, 1, columns);
            statement.setString(p++, record.observedAt().toString());
            statement.setLong(p, record.pollId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void insertRawResponses(Connection connection, SourcePollRecord record) throws SQLException {
        List<RawResponse> responses = record.result() instanceof FetchResult.Fetched fetched
                ? fetched.rawResponses() : ((FetchResult.Failed) record.result()).rawResponses();
        if (responses.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RAW_RESPONSE)) {
            for (RawResponse response : responses) {
                statement.setLong(1, record.pollId());
                statement.setString(2, record.source());
                statement.setString(3, response.endpoint());
                statement.setInt(4, response.status());
                statement.setString(5, record.observedAt().toString());
                statement.setString(6, response.body().replace("\u0000", ""));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void markMissingAccountsGone(DSLContext db, SourcePollRecord record, FetchResult.Fetched fetched) {
        List<String> seen = new ArrayList<>();
        fetched.balances().forEach(o -> seen.add(o.account().id().value()));
        fetched.cardLimits().forEach(o -> seen.add(o.card().id().value()));
        List<String> kinds = fetched.fullyListedKinds().stream().map(AccountKind::slug).toList();
        // one array parameter, not one bind value per account (a poll may list 100,000), as a hashed anti-join
        db.update(ACCOUNT)
                .set(ACCOUNT.GONE_AT, utc(record.observedAt()))
                .where(ACCOUNT.SOURCE.eq(record.source()))
                .and(ACCOUNT.KIND.in(kinds))
                .and(ACCOUNT.GONE_AT.isNull())
                .and(DSL.condition("NOT EXISTS (SELECT 1 FROM unnest({0}::text[]) AS seen(id) WHERE seen.id = {1})",
                        DSL.val(seen.toArray(String[]::new)), ACCOUNT.ID))
                .execute();
        knownAccounts.forgetSource(record.source());
    }

    /** Creates the month's partitions before the first insert into it (once per month and process). */
    private void ensurePartition(Instant observedAt) {
        YearMonth month = YearMonth.from(observedAt.atOffset(ZoneOffset.UTC));
        if (partitionsEnsured.contains(month)) {
            return;
        }
        dsl.execute("SELECT ensure_snapshot_partitions(?::date)", month.atDay(1).toString());
        dsl.execute("SELECT ensure_snapshot_partitions(?::date)", month.plusMonths(1).atDay(1).toString());
        partitionsEnsured.add(month);
    }

    private static int bindColumns(Connection connection, PreparedStatement statement, int first, String[][] columns)
            throws SQLException {
        int p = first;
        for (String[] column : columns) {
            Array array = connection.createArrayOf("text", column);
            statement.setArray(p++, array);
        }
        return p;
    }

    private static <T> Map<String, T> uniqueBy(List<T> items, Function<T, String> key) {
        Map<String, T> unique = new LinkedHashMap<>();
        for (T item : items) {
            unique.put(key.apply(item), item); // a provider repeating an account: the last one wins
        }
        return unique;
    }

    private static String plain(Optional<Money> money) {
        return money.map(Money::toPlainString).orElse(null);
    }

    private static int accountsSeen(FetchResult result) {
        return result instanceof FetchResult.Fetched fetched ? fetched.accountsSeen() : 0;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
