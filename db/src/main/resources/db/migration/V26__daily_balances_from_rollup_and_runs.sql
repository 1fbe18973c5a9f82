-- analytics.daily_balances computed each day not rolled up yet (today, and a day a replay reached again) from the
-- generated per-sighting rows: the join of every run of every account with its source's polls, filtered by time only
-- afterwards, which reads the whole history whenever the current day has data. Now such a day reads only what
-- reaches into it: the closed runs spanning part of the day (found by the index of the time they span), the open
-- runs (the latest rows that follow their source's newest poll) and the late rows of the day. A run's samples that
-- day are its source's sightings of the day between its first and its last sighting, counted by binary search
-- (width_bucket) in the day's sorted array of sighting times, so no row is generated per sighting. Completed days
-- still come from the rollup, now found by a BRIN index on their day (rolled up day after day, in that order).
-- Columns and meaning are unchanged.

/* [jooq ignore start] */
CREATE INDEX daily_balance_by_day ON daily_balance USING brin (day);

CREATE OR REPLACE VIEW analytics.daily_balances AS
WITH open_days AS (
    -- days not rolled up yet: today (UTC) and any day that received snapshots since its rollup
    SELECT day, day::timestamp AT TIME ZONE 'UTC' AS day_start, (day + 1)::timestamp AT TIME ZONE 'UTC' AS day_end
    FROM (SELECT day FROM daily_rollup_pending
          UNION
          SELECT (now() AT TIME ZONE 'UTC')::date) pending
), sightings AS (
    -- each source's sightings on an open day, in time order (polls of the same time each count)
    SELECT o.day, p.source, array_agg(p.finished_at ORDER BY p.finished_at) AS times
    FROM open_days o
    JOIN poll_source_result p ON p.balances_recorded
                             AND p.finished_at >= o.day_start AND p.finished_at < o.day_end
    GROUP BY o.day, p.source
), spans AS (
    -- one value of an account over the sightings of one open day: times[seen_after + 1 .. seen_through]
    SELECT a.id AS account_id, o.day, r.currency, r.available, s.times,
           width_bucket(r.first_seen_at - INTERVAL '1 microsecond', s.times) AS seen_after,
           width_bucket(r.last_seen_at, s.times) AS seen_through
    FROM open_days o
    JOIN balance_run r ON tstzrange(r.first_seen_at, r.last_seen_at, '[]') && tstzrange(o.day_start, o.day_end, '[)')
                      AND r.last_seen_at >= o.day_start
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
COMMENT ON VIEW analytics.daily_balances IS 'Available balance per account and UTC calendar day (00:00 to 24:00 UTC): first, last, lowest and highest value observed that day. Days without a successful poll have no row. Completed days come from the stored rollup (kept when raw partitions are dropped by retention); today, and a day not rolled up again yet, are computed from the runs and the poll ledger.';
/* [jooq ignore stop] */
