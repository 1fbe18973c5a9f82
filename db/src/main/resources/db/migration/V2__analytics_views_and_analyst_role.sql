-- The analysts' schema: stable, documented views over the history tables, and a read-only role that sees only them.
-- All of it is PostgreSQL-only (views in a second schema, roles, grants): jOOQ's generator skips it.
/* [jooq ignore start] */
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Stable, documented views of balance history for analysts. Times are timestamptz; amounts are exact NUMERIC in the row''s currency. Never add amounts of different currencies.';

CREATE VIEW analytics.snapshots AS
SELECT s.observed_at,
       s.provider_as_of,
       s.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.external_id,
       a.name        AS account_name,
       a.kind,
       s.currency,
       s.available,
       s.ledger,
       s.pending,
       s.allocated,
       s.initial
FROM balance_snapshot s
JOIN account a ON a.id = s.account_id;
COMMENT ON VIEW analytics.snapshots IS 'One row per account per successful poll: the balances as observed. Polls that failed leave no row here; see analytics.poll_runs for them.';
COMMENT ON COLUMN analytics.snapshots.observed_at IS 'When balance-history observed the value (our clock, UTC).';
COMMENT ON COLUMN analytics.snapshots.provider_as_of IS 'The provider''s own as-of time where it gives one (Grantex updatedAt), else NULL.';
COMMENT ON COLUMN analytics.snapshots.poll_id IS 'The poll run that recorded the row (analytics.poll_runs.poll_id).';
COMMENT ON COLUMN analytics.snapshots.provider IS 'Provider API: ahrvo, equals-money, grantex or holyheld.';
COMMENT ON COLUMN analytics.snapshots.source IS 'Configured source (one provider connection with its own credentials).';
COMMENT ON COLUMN analytics.snapshots.account_id IS 'Stable account id: source.kind.provider-id; survives renames.';
COMMENT ON COLUMN analytics.snapshots.external_id IS 'The provider''s own id of the account (budget id, grant id, budget id-currency for Equals Money).';
COMMENT ON COLUMN analytics.snapshots.account_name IS 'The account''s current name (history of names: account_name table, not exposed).';
COMMENT ON COLUMN analytics.snapshots.kind IS 'budget, card-limit, grant or card.';
COMMENT ON COLUMN analytics.snapshots.currency IS 'ISO 4217 code of every amount in the row.';
COMMENT ON COLUMN analytics.snapshots.available IS 'Available balance: what can still be spent.';
COMMENT ON COLUMN analytics.snapshots.ledger IS 'Ledger balance where the provider gives one (Equals Money), else NULL.';
COMMENT ON COLUMN analytics.snapshots.pending IS 'Pending amount where the provider gives one (Equals Money), else NULL.';
COMMENT ON COLUMN analytics.snapshots.allocated IS 'Amount allocated to child budgets where given (Equals Money), else NULL.';
COMMENT ON COLUMN analytics.snapshots.initial IS 'Initial budget where given (Grantex initialBudget), else NULL.';

CREATE VIEW analytics.latest_balances AS
SELECT a.provider,
       a.source,
       a.id          AS account_id,
       a.external_id,
       a.name        AS account_name,
       a.kind,
       l.currency,
       l.available,
       l.ledger,
       l.pending,
       l.allocated,
       l.initial,
       l.observed_at,
       l.provider_as_of,
       a.first_seen_at,
       l.observed_at AS last_seen_at,
       a.gone_at
FROM latest_balance l
JOIN account a ON a.id = l.account_id;
COMMENT ON VIEW analytics.latest_balances IS 'The newest recorded balance of every account, including accounts that are gone from their provider (gone_at set).';
COMMENT ON COLUMN analytics.latest_balances.provider IS 'Provider API: ahrvo, equals-money, grantex or holyheld.';
COMMENT ON COLUMN analytics.latest_balances.source IS 'Configured source name.';
COMMENT ON COLUMN analytics.latest_balances.account_id IS 'Stable account id.';
COMMENT ON COLUMN analytics.latest_balances.external_id IS 'The provider''s own id of the account.';
COMMENT ON COLUMN analytics.latest_balances.account_name IS 'Current account name.';
COMMENT ON COLUMN analytics.latest_balances.kind IS 'budget, card-limit, grant or card.';
COMMENT ON COLUMN analytics.latest_balances.currency IS 'ISO 4217 code of every amount in the row.';
COMMENT ON COLUMN analytics.latest_balances.available IS 'Available balance at observed_at.';
COMMENT ON COLUMN analytics.latest_balances.ledger IS 'Ledger balance where given, else NULL.';
COMMENT ON COLUMN analytics.latest_balances.pending IS 'Pending amount where given, else NULL.';
COMMENT ON COLUMN analytics.latest_balances.allocated IS 'Allocated amount where given, else NULL.';
COMMENT ON COLUMN analytics.latest_balances.initial IS 'Initial budget where given, else NULL.';
COMMENT ON COLUMN analytics.latest_balances.observed_at IS 'When this newest value was observed (UTC). Compare with now() to judge staleness.';
COMMENT ON COLUMN analytics.latest_balances.provider_as_of IS 'The provider''s own as-of time, where given.';
COMMENT ON COLUMN analytics.latest_balances.first_seen_at IS 'First poll that saw the account.';
COMMENT ON COLUMN analytics.latest_balances.last_seen_at IS 'Latest poll that saw the account.';
COMMENT ON COLUMN analytics.latest_balances.gone_at IS 'When the provider''s full list first lacked the account; NULL while it exists.';

CREATE VIEW analytics.daily_balances AS
WITH open_days AS (
    -- days not rolled up yet: today (UTC) and any day that received snapshots since its rollup
    SELECT day FROM daily_rollup_pending
    UNION
    SELECT (now() AT TIME ZONE 'UTC')::date
), days AS (
    SELECT d.account_id, d.day, d.currency, d.open_available, d.close_available, d.min_available,
           d.max_available, d.samples, d.first_observed_at, d.last_observed_at
    FROM daily_balance d
    WHERE d.day NOT IN (SELECT day FROM open_days)
    UNION ALL
    SELECT s.account_id, o.day, min(s.currency),
           (array_agg(s.available ORDER BY s.observed_at))[1],
           (array_agg(s.available ORDER BY s.observed_at DESC))[1],
           min(s.available), max(s.available), count(*)::int, min(s.observed_at), max(s.observed_at)
    FROM open_days o
    JOIN balance_snapshot s ON s.observed_at >= o.day::timestamp AT TIME ZONE 'UTC'
                           AND s.observed_at < (o.day + 1)::timestamp AT TIME ZONE 'UTC'
    GROUP BY s.account_id, o.day
)
SELECT d.day,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.name        AS account_name,
       a.kind,
       d.currency,
       d.open_available,
       d.close_available,
       d.min_available,
       d.max_available,
       d.samples,
       d.first_observed_at,
       d.last_observed_at
FROM days d
JOIN account a ON a.id = d.account_id;
COMMENT ON VIEW analytics.daily_balances IS 'Available balance per account and UTC calendar day (00:00 to 24:00 UTC): first, last, lowest and highest value observed that day. Days without a successful poll have no row. Completed days come from the stored rollup (kept when raw partitions are dropped by retention); today is computed from the raw snapshots.';
COMMENT ON COLUMN analytics.daily_balances.day IS 'Calendar day in UTC.';
COMMENT ON COLUMN analytics.daily_balances.provider IS 'Provider API.';
COMMENT ON COLUMN analytics.daily_balances.source IS 'Configured source name.';
COMMENT ON COLUMN analytics.daily_balances.account_id IS 'Stable account id.';
COMMENT ON COLUMN analytics.daily_balances.account_name IS 'Current account name.';
COMMENT ON COLUMN analytics.daily_balances.kind IS 'budget, card-limit, grant or card.';
COMMENT ON COLUMN analytics.daily_balances.currency IS 'ISO 4217 code of the amounts.';
COMMENT ON COLUMN analytics.daily_balances.open_available IS 'First available balance observed that day.';
COMMENT ON COLUMN analytics.daily_balances.close_available IS 'Last available balance observed that day.';
COMMENT ON COLUMN analytics.daily_balances.min_available IS 'Lowest available balance observed that day.';
COMMENT ON COLUMN analytics.daily_balances.max_available IS 'Highest available balance observed that day.';
COMMENT ON COLUMN analytics.daily_balances.samples IS 'Number of snapshots that day.';
COMMENT ON COLUMN analytics.daily_balances.first_observed_at IS 'Time of the first snapshot that day.';
COMMENT ON COLUMN analytics.daily_balances.last_observed_at IS 'Time of the last snapshot that day.';

CREATE VIEW analytics.card_limits AS
SELECT c.observed_at,
       c.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.external_id AS card_id,
       a.name        AS card_name,
       c.period,
       c.currency,
       c.remaining,
       c.configured_total,
       CASE WHEN c.configured_total IS NOT NULL
            THEN GREATEST(c.configured_total - c.remaining, 0) END                     AS used,
       CASE WHEN c.configured_total > 0
            THEN round(GREATEST(c.configured_total - c.remaining, 0) * 100 / c.configured_total, 2) END
                                                                                       AS utilization_percent
FROM card_limit_snapshot c
JOIN account a ON a.id = c.account_id;
COMMENT ON VIEW analytics.card_limits IS 'Remaining card spending limits, one row per card, period and poll.';
COMMENT ON COLUMN analytics.card_limits.observed_at IS 'When the limits were observed (UTC).';
COMMENT ON COLUMN analytics.card_limits.poll_id IS 'The poll run that recorded the row.';
COMMENT ON COLUMN analytics.card_limits.provider IS 'Provider API (ahrvo).';
COMMENT ON COLUMN analytics.card_limits.source IS 'Configured source name.';
COMMENT ON COLUMN analytics.card_limits.account_id IS 'Stable account id of the card''s limits.';
COMMENT ON COLUMN analytics.card_limits.card_id IS 'The provider''s card id.';
COMMENT ON COLUMN analytics.card_limits.card_name IS 'Card name (the card id unless configured).';
COMMENT ON COLUMN analytics.card_limits.period IS 'daily, weekly, monthly (rolling 30 days) or lifetime.';
COMMENT ON COLUMN analytics.card_limits.currency IS 'ISO 4217 code (Ahrvo limits are USD).';
COMMENT ON COLUMN analytics.card_limits.remaining IS 'What the card may still spend in the period; never negative.';
COMMENT ON COLUMN analytics.card_limits.configured_total IS 'The period''s total limit where configured in balance-history, else NULL.';
COMMENT ON COLUMN analytics.card_limits.used IS 'configured_total - remaining (floored at 0) where a total is configured.';
COMMENT ON COLUMN analytics.card_limits.utilization_percent IS 'used / configured_total * 100, rounded half-up to 2 decimals.';

CREATE VIEW analytics.balance_changes AS
SELECT c.observed_at,
       c.previous_observed_at,
       c.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.name        AS account_name,
       a.kind,
       c.currency,
       c.previous_available,
       c.available,
       c.change,
       c.significant
FROM balance_change c
JOIN account a ON a.id = c.account_id;
COMMENT ON VIEW analytics.balance_changes IS 'Every change of available balance between two consecutive snapshots of an account. Unchanged polls have no row.';
COMMENT ON COLUMN analytics.balance_changes.observed_at IS 'Time of the snapshot with the new value.';
COMMENT ON COLUMN analytics.balance_changes.previous_observed_at IS 'Time of the snapshot before it.';
COMMENT ON COLUMN analytics.balance_changes.poll_id IS 'Poll run that observed the new value.';
COMMENT ON COLUMN analytics.balance_changes.provider IS 'Provider API.';
COMMENT ON COLUMN analytics.balance_changes.source IS 'Configured source name.';
COMMENT ON COLUMN analytics.balance_changes.account_id IS 'Stable account id.';
COMMENT ON COLUMN analytics.balance_changes.account_name IS 'Current account name.';
COMMENT ON COLUMN analytics.balance_changes.kind IS 'budget, card-limit, grant or card.';
COMMENT ON COLUMN analytics.balance_changes.currency IS 'ISO 4217 code of the amounts.';
COMMENT ON COLUMN analytics.balance_changes.previous_available IS 'Available balance before.';
COMMENT ON COLUMN analytics.balance_changes.available IS 'Available balance after.';
COMMENT ON COLUMN analytics.balance_changes.change IS 'available - previous_available (negative: spent, positive: topped up).';
COMMENT ON COLUMN analytics.balance_changes.significant IS 'Whether the change met the configured significance threshold (percent of previous, or an absolute amount per currency).';

CREATE VIEW analytics.poll_runs AS
SELECT p.id           AS poll_id,
       p.trigger,
       p.requested_source,
       p.started_at,
       p.finished_at,
       r.source,
       r.provider,
       COALESCE(r.outcome, CASE WHEN p.finished_at IS NULL THEN 'running' ELSE 'none' END) AS outcome,
       r.error_text,
       COALESCE(r.accounts_seen, 0) AS accounts_seen,
       COALESCE(r.rows_written, 0)  AS rows_written,
       r.started_at  AS source_started_at,
       r.finished_at AS source_finished_at
FROM poll_run p
LEFT JOIN poll_source_result r ON r.poll_id = p.id;
COMMENT ON VIEW analytics.poll_runs IS 'Every poll run and, per source, its outcome, including failures, rate limits and circuit-breaker skips: a source with a failed outcome has no snapshot rows for that poll (a gap, not a zero).';
COMMENT ON COLUMN analytics.poll_runs.poll_id IS 'Poll run id.';
COMMENT ON COLUMN analytics.poll_runs.trigger IS 'schedule or on_demand.';
COMMENT ON COLUMN analytics.poll_runs.requested_source IS 'The one source asked for, or NULL for all sources.';
COMMENT ON COLUMN analytics.poll_runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN analytics.poll_runs.finished_at IS 'When the run finished; NULL while running or if the service stopped mid-run.';
COMMENT ON COLUMN analytics.poll_runs.source IS 'Source polled in this run (NULL when the run recorded no source).';
COMMENT ON COLUMN analytics.poll_runs.provider IS 'Provider API of the source.';
COMMENT ON COLUMN analytics.poll_runs.outcome IS 'ok, partial (some accounts failed), failed, rate_limited, skipped (circuit breaker open); running/none when no source result exists.';
COMMENT ON COLUMN analytics.poll_runs.error_text IS 'What went wrong: endpoint, kind and reason; never credentials.';
COMMENT ON COLUMN analytics.poll_runs.accounts_seen IS 'Accounts the source returned.';
COMMENT ON COLUMN analytics.poll_runs.rows_written IS 'Snapshot rows (balances and card limit periods) newly written.';
COMMENT ON COLUMN analytics.poll_runs.source_started_at IS 'When the source''s fetch started.';
COMMENT ON COLUMN analytics.poll_runs.source_finished_at IS 'When the source''s fetch ended (its snapshots'' observed_at).';

-- The analysts' role: reads analytics and nothing else, writes nothing, and cannot run away with the database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balance_analyst') THEN
        CREATE ROLE balance_analyst LOGIN NOINHERIT;
    END IF;
END;
$$;
ALTER ROLE balance_analyst SET statement_timeout = '30s';
ALTER ROLE balance_analyst SET default_transaction_read_only = on;
ALTER ROLE balance_analyst SET search_path = analytics;
REVOKE ALL ON SCHEMA public FROM balance_analyst;
GRANT USAGE ON SCHEMA analytics TO balance_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO balance_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO balance_analyst;
DO $$
BEGIN
    -- temporary tables are writes too; the service itself owns the database and keeps its rights
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END;
$$;
/* [jooq ignore stop] */
