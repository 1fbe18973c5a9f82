-- analytics.daily_balances (V26) found each open day's sightings by time alone, through the index of sightings,
-- which is by source first: it read that index whole, so its cost grew with the length of the history. It now asks
-- per source that has accounts. Columns and meaning are unchanged.

/* [jooq ignore start] */
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
/* [jooq ignore stop] */
