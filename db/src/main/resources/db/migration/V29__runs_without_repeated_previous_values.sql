-- A closed run is most of what history costs. Two parts of it repeated what is stored elsewhere:
--
-- 1. The change event a run carries (V27) kept the value before the change and its last sighting. Those are the
--    available balance and last sighting of the account's run before it, so they are now read from that run and
--    stored only where it cannot give them: where the value before came from a poll recorded late (no run holds
--    it), and where retention could drop the run before while keeping this one (it lies in an earlier month's
--    partition, or near a month's boundary). The writer decides that when it closes the run, so every answer stays
--    exact; runs closed before this version keep the values they have. latest_balance.previous_run_closed says
--    whether the open run's value before is the closed run that ended at its previous_observed_at.
--
-- 2. The GiST index of the time a run spans (V15) held two 8-byte timestamps a run. It now holds whole seconds
--    since 2000-01-01 UTC as an int4range (4 bytes each, good until 2068): a stab or an overlap through it is a
--    superset of the exact one, and the readers recheck the exact times.

ALTER TABLE latest_balance ADD COLUMN previous_run_closed BOOLEAN NOT NULL DEFAULT FALSE;

/* [jooq ignore start] */
COMMENT ON COLUMN latest_balance.previous_run_closed IS 'TRUE when the value before the open run''s change (previous_available, previous_observed_at) is the closed run of the account that ended at previous_observed_at; the run carries them only where it is not.';
COMMENT ON COLUMN balance_run.previous_available IS 'Available balance before the change that started the run, stored only where the account''s run before it cannot give it (change_direction set, previous_observed_at set alike); balance_change_event reads it from that run otherwise.';
COMMENT ON COLUMN balance_run.previous_observed_at IS 'Last sighting of the value before the change that started the run, stored alongside previous_available and only where it is; otherwise the last_seen_at of the account''s run before it.';

-- The whole second of a time, counted from 2000-01-01 UTC (immutable: an interval from a constant instant).
CREATE FUNCTION history_second(t TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT floor(extract(epoch FROM t - TIMESTAMPTZ '2000-01-01 00:00:00+00'))::integer
$$;

-- The seconds from one time to another, both included: the key of balance_run_spans. It repeats history_second's
-- expression rather than calling it, since an analyst's search_path does not reach this schema once it is inlined.
CREATE FUNCTION history_seconds(from_time TIMESTAMPTZ, through_time TIMESTAMPTZ) RETURNS int4range
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT int4range(floor(extract(epoch FROM from_time - TIMESTAMPTZ '2000-01-01 00:00:00+00'))::integer,
                     floor(extract(epoch FROM through_time - TIMESTAMPTZ '2000-01-01 00:00:00+00'))::integer,
                     '[]')
$$;
COMMENT ON FUNCTION history_second(TIMESTAMPTZ) IS 'Whole seconds since 2000-01-01 00:00 UTC (floor), for compact time keys.';
COMMENT ON FUNCTION history_seconds(TIMESTAMPTZ, TIMESTAMPTZ) IS 'The whole seconds from one time through another, both included, as an int4range: the key of balance_run_spans.';

-- Whether a run's last sighting and the last sighting of the run before it lie in one month's partition of
-- balance_run, whatever time zone the partition's bounds were written in (a day's margin on either side): retention
-- drops such runs together, so the later one may read its change's previous value from the earlier one.
CREATE FUNCTION one_history_month(earlier TIMESTAMPTZ, later TIMESTAMPTZ) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT date_trunc('month', (earlier AT TIME ZONE 'UTC') - INTERVAL '1 day')
         = date_trunc('month', (later AT TIME ZONE 'UTC') + INTERVAL '1 day')
$$;
COMMENT ON FUNCTION one_history_month(TIMESTAMPTZ, TIMESTAMPTZ) IS 'TRUE when both times lie in one month of balance_run''s partitions with a day to spare: retention drops runs ending then together.';

DROP INDEX balance_run_spans;
CREATE INDEX balance_run_spans ON balance_run USING gist (history_seconds(first_seen_at, last_seen_at));
COMMENT ON INDEX balance_run_spans IS 'Runs by the seconds from their first to their last sighting (both included): a superset of the runs spanning an instant or overlapping a range, rechecked against first_seen_at and last_seen_at.';

-- Every change event (V27), with the value before a run's change read from the run before it where the run does
-- not carry it. The columns, their names, types and order are unchanged.
CREATE OR REPLACE VIEW balance_change_event AS
SELECT c.account_key, c.observed_at, c.previous_observed_at, c.poll_id, c.currency, c.previous_available,
       c.available, c.significant, c.direction, c.observed_at AS run_last_seen_at
FROM balance_change c
UNION ALL
SELECT r.account_key, r.first_seen_at, coalesce(r.previous_observed_at, b.last_seen_at)::timestamptz,
       (SELECT min(p.poll_id)
        FROM account a JOIN poll_source_result p ON p.source = a.source
        WHERE a.account_key = r.account_key AND p.balances_recorded AND p.finished_at = r.first_seen_at),
       r.currency, coalesce(r.previous_available, b.available)::numeric(24, 4), r.available, r.change_significant,
       (CASE r.change_direction WHEN 't' THEN 'top-up' WHEN 'i' THEN 'increase' WHEN 'r' THEN 'reset'
                                ELSE 'decrease' END)::varchar(16),
       r.last_seen_at
FROM balance_run r
-- the run before: the account's newest run closed before this one began (its partition is found by the key)
LEFT JOIN LATERAL (SELECT p.available, p.last_seen_at
                   FROM balance_run p
                   WHERE r.previous_observed_at IS NULL AND p.account_key = r.account_key
                     AND p.last_seen_at < r.first_seen_at
                   ORDER BY p.last_seen_at DESC
                   LIMIT 1) b ON true
WHERE r.change_direction IS NOT NULL
UNION ALL
SELECT a.account_key, l.observed_at, l.previous_observed_at, l.poll_id, l.currency, l.previous_available,
       l.available, l.change_significant,
       (CASE l.change_direction WHEN 't' THEN 'top-up' WHEN 'i' THEN 'increase' WHEN 'r' THEN 'reset'
                                ELSE 'decrease' END)::varchar(16),
       'infinity'::timestamptz
FROM latest_balance l
JOIN account a ON a.id = l.account_id
WHERE l.follows_source_poll AND l.change_direction IS NOT NULL;

-- analytics.daily_balances (V28) finds the closed runs reaching into an open day through balance_run_spans: now by
-- the day's seconds, with the exact times rechecked. Columns and meaning are unchanged.
CREATE OR REPLACE VIEW analytics.daily_balances AS
WITH open_days AS (
    -- days not rolled up yet: today (UTC) and any day that received snapshots since its rollup
    SELECT day, day::timestamp AT TIME ZONE 'UTC' AS day_start, (day + 1)::timestamp AT TIME ZONE 'UTC' AS day_end
    FROM (SELECT day FROM daily_rollup_pending
          UNION
          SELECT (now() AT TIME ZONE 'UTC')::date) pending
), sightings AS (
    -- each source's sightings on an open day, in time order (polls of the same time each count), asked per source
    -- with accounts since the index of sightings is by source first
    SELECT o.day, sources.source, array_agg(p.finished_at ORDER BY p.finished_at) AS times
    FROM open_days o
    CROSS JOIN (SELECT DISTINCT source FROM account) sources
    JOIN poll_source_result p ON p.source = sources.source AND p.balances_recorded
                             AND p.finished_at >= o.day_start AND p.finished_at < o.day_end
    GROUP BY o.day, sources.source
), spans AS (
    -- one value of an account over the sightings of one open day: times[seen_after + 1 .. seen_through]
    SELECT a.id AS account_id, o.day, r.currency, r.available, s.times,
           width_bucket(r.first_seen_at - INTERVAL '1 microsecond', s.times) AS seen_after,
           width_bucket(r.last_seen_at, s.times) AS seen_through
    FROM open_days o
    JOIN balance_run r ON history_seconds(r.first_seen_at, r.last_seen_at) && history_seconds(o.day_start, o.day_end)
                      AND r.first_seen_at < o.day_end AND r.last_seen_at >= o.day_start
    JOIN account a ON a.account_key = r.account_key
    JOIN sightings s ON s.day = o.day AND s.source = a.source
    UNION ALL
    SELECT l.account_id, s.day, l.currency, l.available, s.times,
           width_bucket(l.observed_at - INTERVAL '1 microsecond', s.times),
           cardinality(s.times)
    FROM latest_balance l
    JOIN sightings s ON s.source = l.source
    WHERE l.follows_source_poll
), samples AS (
    SELECT account_id, day, currency, available, seen_through - seen_after AS samples,
           times[seen_after + 1] AS first_observed_at, times[seen_through] AS last_observed_at
    FROM spans
    WHERE seen_through > seen_after
    UNION ALL
    SELECT a.id, o.day, s.currency, s.available, 1, s.observed_at, s.observed_at
    FROM open_days o
    JOIN balance_late_snapshot s ON s.observed_at >= o.day_start AND s.observed_at < o.day_end
    JOIN account a ON a.account_key = s.account_key
), days AS (
    SELECT d.account_id, d.day, d.currency, d.open_available, d.close_available, d.min_available,
           d.max_available, d.samples, d.first_observed_at, d.last_observed_at
    FROM daily_balance d
    WHERE d.day NOT IN (SELECT day FROM open_days)
    UNION ALL
    SELECT account_id, day, min(currency)::varchar,
           (array_agg(available ORDER BY first_observed_at))[1],
           (array_agg(available ORDER BY last_observed_at DESC))[1],
           min(available), max(available), sum(samples)::int, min(first_observed_at), max(last_observed_at)
    FROM samples
    GROUP BY account_id, day
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
/* [jooq ignore stop] */
