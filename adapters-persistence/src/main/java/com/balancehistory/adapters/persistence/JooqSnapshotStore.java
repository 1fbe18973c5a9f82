package com.balancehistory.adapters.persistence;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.ACCOUNT_GONE;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * PostgreSQL snapshot store. One source's poll is one transaction. History is kept as runs of identical
 * observations: a balance the previous poll saw with the same value costs nothing, its run goes on and this poll's
 * source row ({@code poll_source_result.balances_recorded}) is its sighting. Only balances that changed (or that
 * are new, or were not seen by the previous poll) are written: streamed in with COPY, then one statement updates
 * their latest values, closes the runs they end into {@code balance_run} and writes their change events. Other bulk
 * rows travel as arrays through {@code unnest(...)}, so a 100,000-account poll is a handful of statements rather
 * than 100,000 round trips. A replay is recognised by the poll's source row, its natural key; daily rollups are
 * made later, from the generated per-poll rows ({@link JooqDailyRollup}).
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
     * so its RETURNING rows are exactly the consecutive pairs that change events need. A poll older than the
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
                RETURNING l.account_id, old.follows_source_poll AS ended_a_run,
                          old.observed_at AS run_first_seen_at, old.provider_as_of AS run_provider_as_of,
                          old.currency AS run_currency, old.available AS run_available, old.ledger AS run_ledger,
                          old.pending AS run_pending, old.allocated AS run_allocated, old.initial AS run_initial,
                          old.change_direction AS run_change_direction,
                          old.change_significant AS run_change_significant,
                          old.previous_available AS run_previous_available,
                          old.previous_observed_at AS run_previous_observed_at
            ), closed AS (
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, provider_as_of, currency,
                                         available, ledger, pending, allocated, initial, change_direction,
                                         change_significant, previous_available, previous_observed_at)
                SELECT a.account_key, u.run_first_seen_at, poll.previous_observed_at, u.run_provider_as_of,
                       u.run_currency, u.run_available, u.run_ledger, u.run_pending, u.run_allocated, u.run_initial,
                       u.run_change_direction, u.run_change_significant,
                       CASE WHEN u.run_change_direction IS NOT NULL THEN u.run_previous_available END,
                       CASE WHEN u.run_change_direction IS NOT NULL THEN u.run_previous_observed_at END
                FROM updated u JOIN account a ON a.id = u.account_id, poll
                WHERE u.ended_a_run
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
                                        gone_at)
            SELECT i.account_id, poll.poll_id, poll.observed_at, i.provider_as_of, i.currency, i.available,
                   i.ledger, i.pending, i.allocated, i.initial, poll.newest, a.source, a.provider, a.kind,
                   a.external_id, a.name, a.parent_external_id, a.first_seen_at, a.gone_at
            FROM offered_balance i JOIN account a ON a.id = i.account_id, poll
            WHERE i.maybe_new
              AND NOT EXISTS (SELECT 1 FROM latest_balance l WHERE l.account_id = i.account_id)
            """;

    /**
     * The balances offered to {@link #WRITE_LATEST_BALANCES} reach the server by COPY into this table, dropped when
     * the transaction ends: with 100,000 changed balances ~250 ms cheaper than nine array parameters built in Java
     * and parsed back into rows by the server.
     */
    private static final String STAGE_OFFERED_BALANCES = """
            CREATE TEMPORARY TABLE offered_balance (
                account_id TEXT, provider_as_of TIMESTAMPTZ, currency TEXT, available NUMERIC, ledger NUMERIC,
                pending NUMERIC, allocated NUMERIC, initial NUMERIC, maybe_new BOOLEAN
            ) ON COMMIT DROP
            """;

    private static final String COPY_OFFERED_BALANCES = "offered_balance (account_id, provider_as_of, currency, "
            + "available, ledger, pending, allocated, initial, maybe_new)";

    /** The first recording of a source's balances creates its row, locked until this transaction ends. */
    private static final String CLAIM_FIRST_BALANCE_POLL = """
            INSERT INTO source_balance_poll (source, poll_id, observed_at) VALUES (?, ?, ?::timestamptz)
            ON CONFLICT (source) DO NOTHING
            """;

    /** Later recordings of the source wait here for each other, so latest values are applied one poll at a time. */
    private static final String LOCK_NEWEST_BALANCE_POLL =
            "SELECT poll_id, observed_at FROM source_balance_poll WHERE source = ? FOR UPDATE";

    private static final String ADVANCE_NEWEST_BALANCE_POLL =
            "UPDATE source_balance_poll SET poll_id = ?, observed_at = ?::timestamptz WHERE source = ?";

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
                          l.change_direction, l.change_significant, l.previous_available, l.previous_observed_at
            )
            INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, provider_as_of, currency, available,
                                     ledger, pending, allocated, initial, change_direction, change_significant,
                                     previous_available, previous_observed_at)
            SELECT a.account_key, s.first_seen_at, s.last_seen_at, s.provider_as_of, s.currency, s.available,
                   s.ledger, s.pending, s.allocated, s.initial, s.change_direction, s.change_significant,
                   CASE WHEN s.change_direction IS NOT NULL THEN s.previous_available END,
                   CASE WHEN s.change_direction IS NOT NULL THEN s.previous_observed_at END
            FROM stopped s JOIN account a ON a.id = s.account_id
            """;

    /** The source's newest poll is a sighting of every open run of the source (and of the runs it closes). */
    private static final String MARK_SIGHTING =
            "UPDATE poll_source_result SET balances_recorded = TRUE WHERE poll_id = ? AND source = ?";

    /** What the source's newest poll saw, as the latest rows that still follow it hold it. */
    private static final String FOLLOWING_BALANCES = """
            SELECT l.account_id, l.currency, l.available, l.ledger, l.pending, l.allocated, l.initial,
                   l.provider_as_of
            FROM latest_balance l
            WHERE l.source = ? AND l.follows_source_poll
            """;

    private static final String MARK_DAY_FOR_ROLLUP = """
            INSERT INTO daily_rollup_pending (day, marked_at) VALUES ((?::timestamptz AT TIME ZONE 'UTC')::date, now())
            ON CONFLICT (day) DO UPDATE SET marked_at = EXCLUDED.marked_at
            """;

    private final DSLContext dsl;
    private final ChangeDetector significance;
    private final TopUpNoise topUpNoise;
    private final Map<String, Duration> pollIntervals;
    private final PollRunLog pollRuns;
    private final CardLimitWriter cardLimits;
    private final Set<YearMonth> partitionsEnsured = ConcurrentHashMap.newKeySet();
    private final KnownAccounts knownAccounts = new KnownAccounts(KnownAccounts.DEFAULT_TRUST);
    private final FollowedBalances followedBalances = new FollowedBalances();
    private final RawBodies rawBodies = new RawBodies();

    public JooqSnapshotStore(DSLContext dsl, ChangeDetector significance, CardLimitTotals cardLimitTotals) {
        this(dsl, significance, cardLimitTotals, TopUpNoise.none());
    }

    public JooqSnapshotStore(
            DSLContext dsl, ChangeDetector significance, CardLimitTotals cardLimitTotals, TopUpNoise topUpNoise) {
        this(dsl, significance, cardLimitTotals, topUpNoise, Map.of());
    }

    /**
     * @param pollIntervals each configured source's poll interval, recorded with each of its polls so that staleness
     *     at a past time is judged by the interval of then; a source without one records none
     */
    public JooqSnapshotStore(
            DSLContext dsl,
            ChangeDetector significance,
            CardLimitTotals cardLimitTotals,
            TopUpNoise topUpNoise,
            Map<String, Duration> pollIntervals) {
        this.dsl = dsl;
        this.significance = significance;
        this.pollRuns = new PollRunLog(dsl);
        this.cardLimits = new CardLimitWriter(cardLimitTotals);
        this.topUpNoise = Objects.requireNonNull(topUpNoise, "topUpNoise");
        this.pollIntervals = Map.copyOf(pollIntervals);
    }

    @Override
    public long openPollRun(PollTrigger trigger, Optional<String> requestedSource, Instant startedAt) {
        return pollRuns.open(trigger, requestedSource, startedAt);
    }

    @Override
    public void finishPollRun(long pollId, Instant finishedAt) {
        pollRuns.finish(pollId, finishedAt);
    }

    @Override
    public void interruptPollRun(long pollId, Instant interruptedAt) {
        pollRuns.interrupt(pollId, interruptedAt);
    }

    @Override
    public int recordSource(SourcePollRecord record) {
        ensurePartition(record.observedAt());
        rawBodies.ensurePartitions(dsl, record.observedAt());
        Committed committed = new Committed();
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
                    .set(
                            POLL_SOURCE_RESULT.POLL_INTERVAL_MILLIS,
                            Optional.ofNullable(pollIntervals.get(record.source()))
                                    .map(Duration::toMillis)
                                    .orElse(null))
                    .onConflictDoNothing()
                    .execute();
            if (claimed == 0) {
                return 0;
            }
            // The bulk statements' cost estimates would make PostgreSQL JIT-compile them on every poll, which
            // takes longer than running them; a large hash join in SQL should not spill to disk either.
            db.execute("SET LOCAL jit = off");
            db.execute("SET LOCAL work_mem = '64MB'");
            int snapshotRows = db.connectionResult(connection -> writeSource(connection, record, committed));
            if (snapshotRows > 0) {
                db.update(POLL_SOURCE_RESULT)
                        .set(POLL_SOURCE_RESULT.ROWS_WRITTEN, snapshotRows)
                        .where(POLL_SOURCE_RESULT.POLL_ID.eq(record.pollId()))
                        .and(POLL_SOURCE_RESULT.SOURCE.eq(record.source()))
                        .execute();
            }
            if (record.result() instanceof FetchResult.Fetched fetched
                    && !fetched.fullyListedKinds().isEmpty()) {
                markMissingAccountsGone(db, record, fetched);
            }
            return snapshotRows;
        });
        // only what is committed is remembered
        knownAccounts.remember(committed.accounts, record.observedAt());
        if (committed.newestBalances != null) {
            followedBalances.put(record.source(), committed.newestBalances);
        }
        return rows;
    }

    /** What a recording leaves for this process to remember once it has committed. */
    private static final class Committed {
        final List<Account> accounts = new ArrayList<>();
        FollowedBalances.Poll newestBalances;
    }

    private int writeSource(Connection connection, SourcePollRecord record, Committed committed) throws SQLException {
        insertRawResponses(connection, record);
        if (!(record.result() instanceof FetchResult.Fetched fetched)) {
            return 0;
        }
        Map<String, BalanceObservation> balances =
                uniqueBy(fetched.balances(), o -> o.account().id().value());
        Map<String, CardLimitObservation> limits =
                uniqueBy(fetched.cardLimits(), o -> o.card().id().value());
        List<Account> accounts = new ArrayList<>();
        balances.values().forEach(o -> accounts.add(o.account()));
        limits.values().forEach(o -> accounts.add(o.card()));
        // before the upsert, which would clear their gone time without ending their gone period
        if (!accounts.isEmpty()) {
            bringBackGoneAccounts(connection, record.source(), accounts, record.observedAt());
        }
        List<Account> changed = knownAccounts.changedOrUnknown(accounts, record.observedAt());
        if (!changed.isEmpty()) {
            upsertAccounts(connection, changed, record.observedAt());
        }
        committed.accounts.addAll(accounts);
        // even an empty answer is recorded for balances: the accounts the previous poll saw are no longer current
        int snapshotRows = recordBalances(connection, balances, record, committed)
                + cardLimits.write(connection, limits.values(), record);
        // after recordBalances: the source's lock it holds keeps two recordings from opening the same label twice
        LabelAssignments.write(connection, changed, record.observedAt());
        if (!balances.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_DAY_FOR_ROLLUP)) {
                mark.setString(1, record.observedAt().toString());
                mark.executeUpdate();
            }
        }
        return snapshotRows;
    }

    /**
     * Accounts seen again end their gone period ({@code account_gone}) at this poll. Another instance may have marked
     * an account gone that this instance still remembers as unchanged; gone accounts are few, so they are fetched and
     * matched here rather than probing every account.
     */
    private static void bringBackGoneAccounts(Connection connection, String source, List<Account> seen, Instant seenAt)
            throws SQLException {
        List<String> gone = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT id FROM account WHERE source = ? AND gone_at IS NOT NULL")) {
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
        Set<String> goneIds = new HashSet<>(gone);
        String[] back =
                seen.stream().map(a -> a.id().value()).filter(goneIds::contains).toArray(String[]::new);
        if (back.length > 0) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE account SET gone_at = NULL WHERE id = ANY (?::text[])")) {
                update.setArray(1, connection.createArrayOf("text", back));
                update.executeUpdate();
            }
            try (PreparedStatement ended = connection.prepareStatement(
                    "UPDATE account_gone SET back_at = ?::timestamptz WHERE account_id = ANY (?::text[])"
                            + " AND back_at IS NULL")) {
                ended.setString(1, seenAt.toString());
                ended.setArray(2, connection.createArrayOf("text", back));
                ended.executeUpdate();
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

    /**
     * Writes every balance snapshot and, for the source's newest poll, the latest values that changed. Which ones
     * changed is known from the previous poll's values: remembered when this process recorded that poll, else read
     * back from the rows that follow it. A poll older than the source's newest offers every row, and only accounts
     * without a latest row get one.
     */
    private int recordBalances(
            Connection connection,
            Map<String, BalanceObservation> byAccount,
            SourcePollRecord record,
            Committed committed)
            throws SQLException {
        Optional<NewestBalancePoll> previous = lockNewestBalancePoll(connection, record);
        boolean newest = previous.map(p -> p.isOlderThan(record)).orElse(true);
        List<BalanceObservation> observations = new ArrayList<>(byAccount.values());
        Optional<FollowedBalances.Poll> remembered =
                previous.flatMap(p -> followedBalances.take(record.source(), p.pollId()));
        FollowedBalances.Difference difference = FollowedBalances.Difference.unknown(observations.size());
        if (newest && previous.isPresent()) {
            FollowedBalances.Poll before = remembered.isPresent()
                    ? remembered.get()
                    : readFollowingBalances(
                            connection, record.source(), previous.get().pollId());
            difference = FollowedBalances.difference(before, observations, byAccount);
            stopFollowing(connection, previous.get(), difference.vanished());
        }
        int rows = observations.isEmpty()
                ? 0
                : writeBalances(connection, observations, difference, newest, previous, record);
        if (newest) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_SIGHTING)) {
                mark.setLong(1, record.pollId());
                mark.setString(2, record.source());
                mark.executeUpdate();
            }
            if (previous.isPresent()) {
                try (PreparedStatement advance = connection.prepareStatement(ADVANCE_NEWEST_BALANCE_POLL)) {
                    advance.setLong(1, record.pollId());
                    advance.setString(2, record.observedAt().toString());
                    advance.setString(3, record.source());
                    advance.executeUpdate();
                }
            }
            committed.newestBalances = FollowedBalances.Poll.of(record.pollId(), observations);
        } else {
            remembered.ifPresent(poll -> committed.newestBalances = poll); // still the newest: keep it
        }
        return rows;
    }

    /** The source's newest recorded balance poll before this one, locked; empty when this is its first. */
    private static Optional<NewestBalancePoll> lockNewestBalancePoll(Connection connection, SourcePollRecord record)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_FIRST_BALANCE_POLL)) {
            claim.setString(1, record.source());
            claim.setLong(2, record.pollId());
            claim.setString(3, record.observedAt().toString());
            if (claim.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_NEWEST_BALANCE_POLL)) {
            lock.setString(1, record.source());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return Optional.of(new NewestBalancePoll(
                        rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
            }
        }
    }

    private record NewestBalancePoll(long pollId, Instant observedAt) {

        boolean isOlderThan(SourcePollRecord record) {
            int byTime = observedAt.compareTo(record.observedAt());
            return byTime < 0 || (byTime == 0 && pollId < record.pollId());
        }
    }

    private static void stopFollowing(Connection connection, NewestBalancePoll previous, List<String> accounts)
            throws SQLException {
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
     * What another instance (or this one before a restart) recorded as the source's newest poll, read back from
     * the latest rows that follow it: one indexed read instead of comparing every value in SQL.
     */
    private static FollowedBalances.Poll readFollowingBalances(Connection connection, String source, long pollId)
            throws SQLException {
        Map<String, FollowedBalances.Seen> byAccount = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(FOLLOWING_BALANCES)) {
            query.setString(1, source);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Currency currency = CurrencyCodes.require(rs.getString(2));
                    Balances balances = StoredAmounts.balances(
                            currency,
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getBigDecimal(7));
                    OffsetDateTime asOf = rs.getObject(8, OffsetDateTime.class);
                    byAccount.put(
                            rs.getString(1),
                            new FollowedBalances.Seen(
                                    balances, Optional.ofNullable(asOf).map(OffsetDateTime::toInstant)));
                }
            }
        }
        return new FollowedBalances.Poll(pollId, byAccount);
    }

    /**
     * Writes what changed: nothing at all for balances the previous poll saw with the same value (their runs go on,
     * and this poll's source row is their sighting). Returns the logical snapshot rows the poll recorded.
     */
    private int writeBalances(
            Connection connection,
            List<BalanceObservation> observations,
            FollowedBalances.Difference difference,
            boolean newest,
            Optional<NewestBalancePoll> previous,
            SourcePollRecord record)
            throws SQLException {
        List<BalanceObservation> offered = new ArrayList<>();
        List<Boolean> maybeNew = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (difference.offer()[i]) {
                offered.add(observations.get(i));
                maybeNew.add(difference.maybeNew()[i]);
            }
        }
        if (!offered.isEmpty()) {
            writeLatestBalances(connection, offered, maybeNew, newest, previous, record);
        }
        return observations.size();
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

    private void writeLatestBalances(
            Connection connection,
            List<BalanceObservation> observations,
            List<Boolean> maybeNew,
            boolean newest,
            Optional<NewestBalancePoll> previous,
            SourcePollRecord record)
            throws SQLException {
        try (PreparedStatement stage = connection.prepareStatement(STAGE_OFFERED_BALANCES)) {
            stage.execute();
        }
        try (CopyRows copy = CopyRows.into(connection, COPY_OFFERED_BALANCES)) {
            for (int i = 0; i < observations.size(); i++) {
                copyBalanceValues(copy, observations.get(i))
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

    private void insertRawResponses(Connection connection, SourcePollRecord record) throws SQLException {
        List<RawResponse> responses = record.result() instanceof FetchResult.Fetched fetched
                ? fetched.rawResponses()
                : ((FetchResult.Failed) record.result()).rawResponses();
        rawBodies.store(connection, record.pollId(), record.source(), record.observedAt(), responses);
    }

    private void markMissingAccountsGone(DSLContext db, SourcePollRecord record, FetchResult.Fetched fetched) {
        Set<AccountKind> listed = fetched.fullyListedKinds();
        Set<String> seen = new HashSet<>();
        fetched.balances().stream()
                .map(BalanceObservation::account)
                .filter(a -> listed.contains(a.kind()))
                .forEach(a -> seen.add(a.id().value()));
        fetched.cardLimits().stream()
                .map(CardLimitObservation::card)
                .filter(a -> listed.contains(a.kind()))
                .forEach(a -> seen.add(a.id().value()));
        Condition present = ACCOUNT.SOURCE
                .eq(record.source())
                .and(ACCOUNT.KIND.in(listed.stream().map(AccountKind::slug).toList()))
                .and(ACCOUNT.GONE_AT.isNull());
        // Every account seen is present by now (written or brought back above). So when the present accounts of
        // these kinds are exactly as many, none is missing: one count instead of an anti-join over the whole list.
        if (db.fetchCount(ACCOUNT, present) == seen.size()) {
            return;
        }
        // one array parameter, not one bind value per account (a poll may list 100,000), as a hashed anti-join
        List<String> marked = db.update(ACCOUNT)
                .set(ACCOUNT.GONE_AT, utc(record.observedAt()))
                .where(present)
                .and(DSL.condition(
                        "NOT EXISTS (SELECT 1 FROM unnest({0}::text[]) AS seen(id) WHERE seen.id = {1})",
                        DSL.val(seen.toArray(String[]::new)), ACCOUNT.ID))
                .returningResult(ACCOUNT.ID)
                .fetch(ACCOUNT.ID);
        if (!marked.isEmpty()) {
            // each gone period is kept, so that balances as of a past time know whether the account was gone then
            db.insertInto(ACCOUNT_GONE, ACCOUNT_GONE.ACCOUNT_ID, ACCOUNT_GONE.GONE_AT)
                    .select(DSL.select(
                                    DSL.field(DSL.name("gone", "id"), String.class), DSL.val(utc(record.observedAt())))
                            .from(DSL.table("unnest({0}::text[])", DSL.val(marked.toArray(String[]::new)))
                                    .as("gone", "id")))
                    .onConflictDoNothing()
                    .execute();
            knownAccounts.forgetSource(record.source());
        }
    }

    /** Creates the month's partitions before the first insert into it (once per month and process). */
    private void ensurePartition(Instant observedAt) {
        YearMonth month = YearMonth.from(observedAt.atOffset(ZoneOffset.UTC));
        if (partitionsEnsured.contains(month)) {
            return;
        }
        dsl.execute("SELECT ensure_snapshot_partitions(?::date)", month.atDay(1).toString());
        dsl.execute(
                "SELECT ensure_snapshot_partitions(?::date)",
                month.plusMonths(1).atDay(1).toString());
        partitionsEnsured.add(month);
    }

    static int bindColumns(Connection connection, PreparedStatement statement, int first, String[][] columns)
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
