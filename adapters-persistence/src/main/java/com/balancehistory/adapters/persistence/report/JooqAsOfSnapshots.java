package com.balancehistory.adapters.persistence.report;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;

import com.balancehistory.adapters.persistence.AccountRanges;
import com.balancehistory.adapters.persistence.query.AccountLabelsReader;
import com.balancehistory.adapters.persistence.query.AsOfBalances;
import com.balancehistory.adapters.persistence.query.KeptPlan;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The values as of a time, read from the append-only history (each account's newest observation at or before as-of,
 * through the shared {@link AsOfBalances} query; the newest row per card and period) and the poll results. Reading history rather than the latest tables is what makes a report
 * rebuildable. Accounts gone from their provider at as-of are left out; names are the accounts' current names.
 */
public final class JooqAsOfSnapshots implements AsOfSnapshots {

    /** The stored outcomes of polls that succeeded, bound as one array parameter. */
    private static final String[] SUCCEEDED = SourceOutcome.succeededCodes().toArray(String[]::new);

    private final DSLContext dsl;

    public JooqAsOfSnapshots(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Snapshot at(Instant asOf) {
        // labels as they held at as-of, so a past report keeps the groups it had
        return snapshot(asOf, AccountLabelsReader.all(dsl, Optional.of(asOf)));
    }

    @Override
    public Snapshot ofAccounts(Instant asOf, String source, AccountRange range) {
        return new Snapshot(
                asOf,
                accounts(asOf, AsOfBalances.A_SOURCE.eq(source).and(AccountRanges.within(AsOfBalances.A_ID, range))),
                limits(asOf, Optional.of(source), range),
                List.of());
    }

    @Override
    public Optional<String> accountRangeEnd(String source, Optional<String> after, int count) {
        return dsl.select(ACCOUNT.ID)
                .from(ACCOUNT)
                .where(ACCOUNT.SOURCE.eq(source))
                .and(after.map(ACCOUNT.ID::gt).orElse(DSL.noCondition()))
                .orderBy(ACCOUNT.ID)
                .offset(count - 1)
                .limit(1)
                .fetchOptional(ACCOUNT.ID);
    }

    @Override
    public Optional<SourcePolls> polls(Instant asOf, String source) {
        return polls(asOf, Optional.of(source)).stream().findFirst();
    }

    @Override
    public List<String> sources(Instant asOf) {
        return dsl.resultQuery(
                        "SELECT DISTINCT source FROM poll_source_result WHERE finished_at <= CAST(? AS TIMESTAMPTZ)"
                                + " ORDER BY source",
                        Times.utc(asOf))
                .fetch(row -> row.get(0, String.class));
    }

    @Override
    public Map<Currency, Money> positiveTotals(Instant asOf) {
        Map<Currency, Money> totals = new HashMap<>();
        KeptPlan.run(
                        dsl,
                        db -> db.select(
                                        AsOfBalances.CURRENCY,
                                        DSL.sum(DSL.when(
                                                        AsOfBalances.AVAILABLE.gt(BigDecimal.ZERO),
                                                        AsOfBalances.AVAILABLE)
                                                .otherwise(BigDecimal.ZERO)))
                                .from(AsOfBalances.at(asOf, DSL.noCondition()))
                                .where(AsOfBalances.GONE_AT.isNull())
                                .groupBy(AsOfBalances.CURRENCY)
                                .fetch())
                .forEach(row -> {
                    Money total = Money.of(row.value2(), row.value1());
                    totals.put(total.currency(), total);
                });
        return totals;
    }

    /** The snapshot of every source: its accounts, limits and polls, read in one pass each. */
    private Snapshot snapshot(Instant asOf, Map<String, Labels> labels) {
        return new Snapshot(
                asOf,
                accounts(asOf, DSL.noCondition()),
                limits(asOf, Optional.empty(), AccountRange.ALL),
                polls(asOf, Optional.empty()),
                labels);
    }

    /** The accounts matching {@code condition} (on the {@code AsOfBalances.A_*} columns), gone ones left out. */
    private List<AccountValue> accounts(Instant asOf, Condition condition) {
        // the one as-of query the API's asOf and the month-end export use too; reports leave out gone accounts
        return KeptPlan.run(
                dsl,
                db -> db.select(AsOfBalances.FIELDS)
                        .from(AsOfBalances.at(asOf, condition))
                        .where(AsOfBalances.GONE_AT.isNull())
                        .orderBy(AsOfBalances.ACCOUNT_ID)
                        .fetch(row -> account(AsOfBalances.balance(asOf, row))));
    }

    /**
     * The newest limits of every card, or of one source's cards in {@code range}: per card and period, the newest
     * reading by as-of among the run that began last by then (open or closed: its newest sighting up to as-of) and the
     * polls recorded late. Two probes of the runs' key per card and period, whatever the length of the history.
     */
    private List<CardLimitValue> limits(Instant asOf, Optional<String> source, AccountRange range) {
        OffsetDateTime at = Times.utc(asOf);
        String only = source.orElse(null);
        String after = range.after().orElse(null);
        String through = range.through().orElse(null);
        return dsl.resultQuery(
                        """
                WITH card AS (
                    SELECT a.id AS account_id, a.account_key, a.name, a.source
                    FROM account a
                    WHERE a.kind = 'card-limit'
                      AND NOT EXISTS (SELECT 1 FROM {4} g WHERE g.account_id = a.id)
                      AND (CAST({1} AS VARCHAR) IS NULL OR a.source = {1})
                      AND (CAST({2} AS VARCHAR) IS NULL OR a.id > {2})
                      AND (CAST({3} AS VARCHAR) IS NULL OR a.id <= {3})
                ), run AS (
                    SELECT c.account_id, c.source, l.period, l.first_seen_at, l.observed_at AS last_seen_at,
                           l.currency, l.remaining, l.configured_total
                    FROM card c JOIN latest_card_limit l ON l.account_id = c.account_id
                    WHERE l.first_seen_at <= {0}
                    UNION ALL
                    SELECT c.account_id, c.source, l.period, r.first_seen_at, r.last_seen_at, r.currency, r.remaining,
                           r.configured_total
                    FROM card c
                    JOIN latest_card_limit l ON l.account_id = c.account_id
                    CROSS JOIN LATERAL (
                        -- the closed run spanning as-of, else the last one that ended before it
                        (SELECT * FROM card_limit_run r
                         WHERE r.account_key = c.account_key AND r.period = l.period AND r.last_seen_at >= {0}
                         ORDER BY r.last_seen_at LIMIT 1)
                        UNION ALL
                        (SELECT * FROM card_limit_run r
                         WHERE r.account_key = c.account_key AND r.period = l.period AND r.last_seen_at < {0}
                         ORDER BY r.last_seen_at DESC LIMIT 1)) r
                    WHERE r.first_seen_at <= {0}
                ), reading AS (
                    SELECT r.account_id, r.period, s.finished_at AS observed_at, s.poll_id, r.currency, r.remaining,
                           r.configured_total
                    FROM run r
                    CROSS JOIN LATERAL (
                        SELECT p.finished_at, p.poll_id FROM poll_source_result p
                        WHERE p.source = r.source AND p.balances_recorded
                          AND p.finished_at >= r.first_seen_at AND p.finished_at <= least(r.last_seen_at, {0})
                        ORDER BY p.finished_at DESC, p.poll_id DESC LIMIT 1) s
                    UNION ALL
                    SELECT c.account_id, s.period, s.observed_at, s.poll_id, s.currency, s.remaining,
                           s.configured_total
                    FROM card c JOIN card_limit_late_snapshot s ON s.account_key = c.account_key
                    WHERE s.observed_at <= {0}
                )
                SELECT DISTINCT ON (r.account_id, r.period)
                       r.account_id, c.name, c.source, r.period, r.currency, r.remaining, r.configured_total,
                       r.observed_at
                FROM reading r JOIN card c ON c.account_id = r.account_id
                ORDER BY r.account_id, r.period, r.observed_at DESC, r.poll_id DESC""",
                        DSL.val(at),
                        DSL.val(only, String.class),
                        DSL.val(after, String.class),
                        DSL.val(through, String.class),
                        AsOfBalances.goneAt(at))
                .fetch(JooqAsOfSnapshots::limit);
    }

    /** The polls of every source, or of one. */
    private List<SourcePolls> polls(Instant asOf, Optional<String> source) {
        OffsetDateTime at = Times.utc(asOf);
        String only = source.orElse(null);
        return dsl.resultQuery("""
                WITH results AS (
                    SELECT r.source, r.outcome, r.error_text, r.finished_at,
                           r.outcome = ANY(CAST(? AS VARCHAR[])) AS succeeded
                    FROM poll_source_result r
                    WHERE r.finished_at <= CAST(? AS TIMESTAMPTZ)
                      AND (CAST(? AS VARCHAR) IS NULL OR r.source = CAST(? AS VARCHAR))
                ), last_success AS (
                    SELECT source, max(finished_at) AS at FROM results WHERE succeeded GROUP BY source
                ), last_failure AS (
                    SELECT DISTINCT ON (source) source, finished_at AS at, error_text, outcome
                    FROM results WHERE NOT succeeded ORDER BY source, finished_at DESC
                ), open_runs AS (
                    SELECT id, requested_source, started_at FROM poll_run
                    WHERE started_at <= CAST(? AS TIMESTAMPTZ)
                      AND (finished_at IS NULL OR finished_at > CAST(? AS TIMESTAMPTZ))
                )
                SELECT src.source, s.at AS last_success_at, f.at AS last_failure_at, f.error_text, f.outcome,
                       (SELECT count(*) FROM results r
                        WHERE r.source = src.source AND NOT r.succeeded
                          AND (s.at IS NULL OR r.finished_at > s.at)) AS failures,
                       -- a run covering the source (all sources, or this one) that was open at as-of and had not
                       -- recorded this source by then; a run closed as interrupted stopped being one when closed
                       (SELECT min(p.started_at) FROM open_runs p
                        WHERE (p.requested_source IS NULL OR p.requested_source = src.source)
                          AND NOT EXISTS (SELECT 1 FROM poll_source_result d
                                          WHERE d.poll_id = p.id AND d.source = src.source
                                            AND d.finished_at <= CAST(? AS TIMESTAMPTZ))) AS polling_since
                FROM (SELECT DISTINCT source FROM results) src
                LEFT JOIN last_success s ON s.source = src.source
                LEFT JOIN last_failure f ON f.source = src.source
                ORDER BY src.source""", SUCCEEDED, at, only, only, at, at, at).fetch(JooqAsOfSnapshots::source);
    }

    @Override
    public List<SignificantChange> significantChanges(Instant from, Instant to, String source, AccountRange range) {
        return changes("c.significant", from, to, source, range);
    }

    @Override
    public List<SignificantChange> topUps(Instant from, Instant to, String source, AccountRange range) {
        return changes("c.direction = 'top-up'", from, to, source, range);
    }

    /**
     * Balance changes of {@code source}'s accounts meeting {@code condition} (a constant SQL predicate on
     * balance_change_event c) in [from, to), of the accounts in {@code range}. The run's last sighting is bounded
     * by the range's start too, so only the runs closed since are read.
     */
    private List<SignificantChange> changes(
            String condition, Instant from, Instant to, String source, AccountRange range) {
        String after = range.after().orElse(null);
        String through = range.through().orElse(null);
        return dsl.resultQuery(
                        """
                SELECT a.id AS account_id, a.name, a.source, c.currency, c.previous_available, c.available,
                       c.available - c.previous_available AS change, c.observed_at
                FROM balance_change_event c
                JOIN account a ON a.account_key = c.account_key
                WHERE %s AND c.observed_at >= CAST(? AS TIMESTAMPTZ) AND c.observed_at < CAST(? AS TIMESTAMPTZ)
                  AND c.run_last_seen_at >= CAST(? AS TIMESTAMPTZ)
                  AND a.source = ?
                  AND (CAST(? AS VARCHAR) IS NULL OR a.id > CAST(? AS VARCHAR))
                  AND (CAST(? AS VARCHAR) IS NULL OR a.id <= CAST(? AS VARCHAR))
                ORDER BY c.observed_at, a.id""".formatted(condition),
                        Times.utc(from),
                        Times.utc(to),
                        Times.utc(from),
                        source,
                        after,
                        after,
                        through,
                        through)
                .fetch(row -> {
                    String currency = row.get("currency", String.class);
                    return new SignificantChange(
                            row.get("account_id", String.class),
                            row.get("name", String.class),
                            row.get("source", String.class),
                            Money.of(row.get("previous_available", BigDecimal.class), currency),
                            Money.of(row.get("available", BigDecimal.class), currency),
                            Money.of(row.get("change", BigDecimal.class), currency),
                            row.get("observed_at", OffsetDateTime.class).toInstant());
                });
    }

    private static AccountValue account(AsOfBalance value) {
        LatestBalance observed = value.observed();
        return new AccountValue(
                observed.account().id().value(),
                observed.account().name(),
                observed.account().source(),
                observed.account().kind().slug(),
                observed.balances().available(),
                observed.balances().initial(),
                observed.observedAt());
    }

    private static CardLimitValue limit(Record row) {
        String currency = row.get("currency", String.class);
        return new CardLimitValue(
                row.get("account_id", String.class),
                row.get("name", String.class),
                row.get("source", String.class),
                LimitPeriod.fromApiName(row.get("period", String.class)),
                Money.of(row.get("remaining", BigDecimal.class), currency),
                Optional.ofNullable(row.get("configured_total", BigDecimal.class))
                        .map(v -> Money.of(v, currency)),
                row.get("observed_at", OffsetDateTime.class).toInstant());
    }

    private static SourcePolls source(Record row) {
        String outcome = row.get("outcome", String.class);
        String error = row.get("error_text", String.class);
        return new SourcePolls(
                row.get("source", String.class),
                Optional.ofNullable(row.get("last_success_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("last_failure_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                row.get("failures", Integer.class),
                outcome == null ? Optional.empty() : Optional.of(error == null ? outcome : outcome + ": " + error),
                Optional.ofNullable(row.get("polling_since", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }
}
