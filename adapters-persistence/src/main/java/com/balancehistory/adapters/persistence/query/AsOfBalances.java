package com.balancehistory.adapters.persistence.query;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one query of balances as of a time, shared by the API's {@code asOf}, the month-end export, reports and alerts:
 * each account's newest observation at or before the time, read from the runs (V8) without generating per-poll rows.
 *
 * <p>Set-based, because one lookup per account costs a probe of every monthly partition each, which at thousands
 * of accounts takes seconds (docs/benchmarks.md). First each source's newest sighting at or before the time (one
 * index probe per source). Every account that sighting saw was seen with the value of the run spanning it, and its
 * observation is that sighting: its open run in latest_balance when that began by then, else the closed run found by
 * stabbing the runs' spans at the sighting (the block range index of first and last sightings, V32), the exact times
 * rechecked. Only the few accounts that sighting did not see (missing from it, gone, or of a source without a
 * sighting) are looked up one by one, as before. Polls recorded late (balance_late_snapshot) win where newer. Ties go
 * to the higher poll id, as with per-poll rows.
 *
 * <p>Accounts first seen after the time are left out; accounts gone then (their gone period spans the time, V24)
 * are in it, with the start of that period, for callers to show (the API) or leave out (reports).
 * {@code last_poll_failed_at}: the source's newest poll by then (skipped polls aside) when it failed, and only if
 * that was after the observation used.
 */
public final class AsOfBalances {

    /** The stored outcomes of a poll that succeeded, written into the SQL as literals ({@code 'ok', 'partial'}). */
    private static final QueryPart SUCCEEDED =
            DSL.list(SourceOutcome.succeededCodes().stream().map(DSL::inline).toList());

    private static final String TEMPLATE = """
            WITH gone_then AS MATERIALIZED {3}, acc AS MATERIALIZED (
                SELECT a.account_key, a.id, a.source, a.provider, a.kind, a.external_id, a.name,
                       a.parent_external_id, a.first_seen_at, g.gone_at, l.follows_source_poll,
                       l.observed_at AS open_since, l.currency, l.available, l.ledger, l.pending, l.allocated,
                       l.initial, l.provider_as_of
                FROM account a
                JOIN latest_balance l ON l.account_id = a.id
                LEFT JOIN gone_then g ON g.account_id = a.id
                WHERE a.first_seen_at <= {0} AND {1}
            ), sighting AS MATERIALIZED (
                SELECT p.source, s.finished_at, s.poll_id
                FROM source_balance_poll p
                CROSS JOIN LATERAL (SELECT r.finished_at, r.poll_id
                                    FROM poll_source_result r
                                    WHERE r.source = p.source AND r.balances_recorded AND r.finished_at <= {0}
                                    ORDER BY r.finished_at DESC, r.poll_id DESC
                                    LIMIT 1) s
            ), seen AS MATERIALIZED (
                SELECT a.account_key, a.currency, a.available, a.ledger, a.pending, a.allocated, a.initial,
                       a.provider_as_of, s.finished_at AS observed_at, s.poll_id
                FROM acc a
                JOIN sighting s ON s.source = a.source
                WHERE a.follows_source_poll AND a.open_since <= s.finished_at
                UNION ALL
                SELECT b.account_key, b.currency, b.available, b.ledger, b.pending, b.allocated, b.initial,
                       b.provider_as_of, s.finished_at, s.poll_id
                FROM sighting s
                -- lateral, so that the stab runs once per sighting through the index, never as a join of all runs
                CROSS JOIN LATERAL (SELECT r.*
                                    FROM balance_run r
                                    WHERE history_seconds(r.first_seen_at, r.last_seen_at)
                                              @> history_second(s.finished_at)
                                      AND r.first_seen_at <= s.finished_at AND r.last_seen_at >= s.finished_at
                                    OFFSET 0) b
                JOIN acc a ON a.account_key = b.account_key AND a.source = s.source
            ), earlier AS (
                SELECT a.account_key, x.currency, x.available, x.ledger, x.pending, x.allocated, x.initial,
                       x.provider_as_of, x.observed_at, x.poll_id
                FROM acc a
                JOIN LATERAL (
                    SELECT y.*
                    FROM ((SELECT r.currency, r.available, r.ledger, r.pending, r.allocated, r.initial,
                                  r.provider_as_of, sighted.finished_at AS observed_at, sighted.poll_id
                           FROM (SELECT * FROM (SELECT b.currency, b.available, b.ledger, b.pending, b.allocated,
                                                       b.initial, b.provider_as_of, b.first_seen_at, b.last_seen_at
                                                FROM balance_run b
                                                WHERE b.account_key = a.account_key AND b.first_seen_at <= {0}
                                                ORDER BY b.last_seen_at DESC
                                                LIMIT 1) newest_closed
                                 UNION ALL
                                 SELECT a.currency, a.available, a.ledger, a.pending, a.allocated, a.initial,
                                        a.provider_as_of, a.open_since, 'infinity'::timestamptz
                                 WHERE a.follows_source_poll AND a.open_since <= {0}
                                 ORDER BY first_seen_at DESC
                                 LIMIT 1) r
                           JOIN LATERAL (SELECT p.finished_at, p.poll_id
                                         FROM poll_source_result p
                                         WHERE p.source = a.source AND p.balances_recorded
                                           AND p.finished_at >= r.first_seen_at
                                           AND p.finished_at <= LEAST(r.last_seen_at, {0})
                                         ORDER BY p.finished_at DESC, p.poll_id DESC
                                         LIMIT 1) sighted ON true)
                          UNION ALL
                          (SELECT b.currency, b.available, b.ledger, b.pending, b.allocated, b.initial,
                                  b.provider_as_of, b.observed_at, b.poll_id
                           FROM balance_late_snapshot b
                           WHERE b.account_key = a.account_key AND b.observed_at <= {0}
                           ORDER BY b.observed_at DESC, b.poll_id DESC
                           LIMIT 1)) y
                    ORDER BY y.observed_at DESC, y.poll_id DESC
                    LIMIT 1) x ON true
                WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.account_key = a.account_key)
            ), late AS (
                SELECT DISTINCT ON (b.account_key) b.account_key, b.currency, b.available, b.ledger, b.pending,
                       b.allocated, b.initial, b.provider_as_of, b.observed_at, b.poll_id
                FROM balance_late_snapshot b
                WHERE b.observed_at <= {0}
                  AND b.observed_at > (SELECT coalesce(min(finished_at), 'infinity') FROM sighting)
                  AND b.account_key IN (SELECT account_key FROM seen)
                ORDER BY b.account_key, b.observed_at DESC, b.poll_id DESC
            ), failed AS (
                SELECT p.source, f.finished_at
                FROM source_balance_poll p
                CROSS JOIN LATERAL (SELECT r.finished_at, r.outcome
                                    FROM poll_source_result r
                                    WHERE r.source = p.source AND r.finished_at <= {0} AND r.outcome <> 'skipped'
                                    ORDER BY r.finished_at DESC, r.poll_id DESC
                                    LIMIT 1) f
                WHERE f.outcome NOT IN ({2})
            ), chosen AS (
                -- one row per account: seen and earlier are disjoint, and a late row replaces a seen one it is
                -- newer than (earlier's lookups weighed late rows already)
                SELECT * FROM earlier
                UNION ALL
                SELECT s.* FROM seen s
                WHERE NOT EXISTS (SELECT 1 FROM late l WHERE l.account_key = s.account_key
                                    AND (l.observed_at, l.poll_id) > (s.observed_at, s.poll_id))
                UNION ALL
                SELECT l.* FROM late l
                JOIN seen s ON s.account_key = l.account_key AND (l.observed_at, l.poll_id) > (s.observed_at, s.poll_id)
            )
            SELECT a.id AS account_id, a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id,
                   a.gone_at, c.currency, c.available, c.ledger, c.pending, c.allocated, c.initial, c.observed_at,
                   c.provider_as_of, c.poll_id, f.finished_at AS last_poll_failed_at, a.first_seen_at
            FROM chosen c
            JOIN acc a ON a.account_key = c.account_key
            LEFT JOIN failed f ON f.source = a.source AND f.finished_at > c.observed_at
            """;

    private static final Name AS_OF = DSL.name("as_of");

    public static final Field<String> ACCOUNT_ID = field("account_id", String.class);
    public static final Field<String> SOURCE = field("source", String.class);
    public static final Field<String> PROVIDER = field("provider", String.class);
    public static final Field<String> KIND = field("kind", String.class);
    public static final Field<String> EXTERNAL_ID = field("external_id", String.class);
    public static final Field<String> NAME = field("name", String.class);
    public static final Field<String> PARENT_EXTERNAL_ID = field("parent_external_id", String.class);
    public static final Field<OffsetDateTime> GONE_AT = field("gone_at", OffsetDateTime.class);
    public static final Field<String> CURRENCY = field("currency", String.class);
    public static final Field<BigDecimal> AVAILABLE = field("available", BigDecimal.class);
    public static final Field<BigDecimal> LEDGER = field("ledger", BigDecimal.class);
    public static final Field<BigDecimal> PENDING = field("pending", BigDecimal.class);
    public static final Field<BigDecimal> ALLOCATED = field("allocated", BigDecimal.class);
    public static final Field<BigDecimal> INITIAL = field("initial", BigDecimal.class);
    public static final Field<OffsetDateTime> OBSERVED_AT = field("observed_at", OffsetDateTime.class);
    public static final Field<OffsetDateTime> PROVIDER_AS_OF = field("provider_as_of", OffsetDateTime.class);
    public static final Field<Long> POLL_ID = field("poll_id", Long.class);
    public static final Field<OffsetDateTime> LAST_POLL_FAILED_AT = field("last_poll_failed_at", OffsetDateTime.class);

    /** The columns of one row, in the order {@link #balance(Instant, Record)} reads them. */
    public static final List<Field<?>> FIELDS = List.of(
            ACCOUNT_ID,
            SOURCE,
            PROVIDER,
            KIND,
            EXTERNAL_ID,
            NAME,
            PARENT_EXTERNAL_ID,
            GONE_AT,
            CURRENCY,
            AVAILABLE,
            LEDGER,
            PENDING,
            ALLOCATED,
            INITIAL,
            OBSERVED_AT,
            PROVIDER_AS_OF,
            POLL_ID,
            LAST_POLL_FAILED_AT);

    /** The account columns {@code accounts} conditions may name (table alias {@code a}: account). */
    public static final Field<String> A_ID = DSL.field(DSL.name("a", "id"), String.class);

    public static final Field<String> A_SOURCE = DSL.field(DSL.name("a", "source"), String.class);
    public static final Field<String> A_PROVIDER = DSL.field(DSL.name("a", "provider"), String.class);
    public static final Field<String> A_KIND = DSL.field(DSL.name("a", "kind"), String.class);
    public static final Field<String> A_CURRENCY = DSL.field(DSL.name("a", "currency"), String.class);
    public static final Field<String> A_NAME = DSL.field(DSL.name("a", "name"), String.class);

    private AsOfBalances() {}

    /**
     * The balances as of {@code asOf} of the accounts matching {@code accounts} (a condition on the {@code A_*}
     * columns), as a table aliased {@code as_of} with the columns of {@link #FIELDS}, for callers to filter, sort and
     * page. PostgreSQL keeps microseconds: the time is cut to them, so "at or before" holds exactly.
     */
    public static Table<Record> at(Instant asOf, Condition accounts) {
        OffsetDateTime at = asOf.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return DSL.table("(" + TEMPLATE + ")", DSL.val(at), accounts, SUCCEEDED, goneAt(at))
                .as(AS_OF);
    }

    /**
     * The accounts gone at {@code at} (columns {@code account_id}, {@code gone_at}): those whose gone period
     * ({@code account_gone}) spans it, from the poll whose full listing first lacked them until the poll that saw them
     * again. The time an account is gone now says nothing of a past time: it may have been back since, or gone later.
     */
    public static Table<Record> goneAt(OffsetDateTime at) {
        return DSL.table("""
                (SELECT g.account_id, max(g.gone_at) AS gone_at
                 FROM account_gone g
                 WHERE g.gone_at <= {0} AND (g.back_at IS NULL OR g.back_at > {0})
                 GROUP BY g.account_id)""", DSL.val(at));
    }

    /** The row's balance as of {@code asOf}. */
    public static AsOfBalance balance(Instant asOf, Record row) {
        Currency currency = CurrencyCodes.require(row.get(CURRENCY));
        Account account = new Account(
                new AccountId(row.get(ACCOUNT_ID)),
                row.get(SOURCE),
                ProviderType.fromConfigName(row.get(PROVIDER)),
                AccountKind.fromSlug(row.get(KIND)),
                row.get(EXTERNAL_ID),
                row.get(NAME),
                currency,
                Optional.ofNullable(row.get(PARENT_EXTERNAL_ID)),
                Map.of());
        Balances balances = StoredAmounts.balances(
                currency, row.get(AVAILABLE), row.get(LEDGER), row.get(PENDING), row.get(ALLOCATED), row.get(INITIAL));
        LatestBalance observed = new LatestBalance(
                account,
                balances,
                row.get(OBSERVED_AT).toInstant(),
                QueryRows.optionalInstant(row.get(PROVIDER_AS_OF)),
                QueryRows.optionalInstant(row.get(GONE_AT)));
        return new AsOfBalance(
                asOf, observed, row.get(POLL_ID), QueryRows.optionalInstant(row.get(LAST_POLL_FAILED_AT)));
    }

    private static <T> Field<T> field(String column, Class<T> type) {
        return DSL.field(DSL.name("as_of", column), type);
    }
}
