-- balance_snapshot (and analytics.snapshots on it) joined each run with its source's sightings by
-- first_seen_at <= finished_at <= last_seen_at. A query's time predicate lands on the sightings only (observed_at is
-- the sighting's time), and PostgreSQL derives no bound on the runs from an inequality, so one account over one day
-- read every run of the account in every monthly partition and joined it with the day's polls, and all accounts over
-- an hour read every run closed since that hour: the cost grew with the length of the history. Now each sighting
-- looks up the account's runs spanning its time through the runs' key (account_key, last_seen_at), bounded on both
-- sides: from the sighting's time to the last sighting of the first run that begins after it (no run lies inside
-- another's span, so no run spanning the time ends later), and never past the first sighting of the account's open
-- run (closed runs end by then; later sightings are the open run's). A time-bounded read costs its sightings, wherever
-- they lie in the history; reading the newest hours of every account costs a look-up per account and sighting where
-- the join read the few runs closed since. Columns and rows are unchanged.

/* [jooq ignore start] */
CREATE OR REPLACE VIEW balance_snapshot AS
SELECT a.id::varchar(200) AS account_id, p.finished_at AS observed_at, p.poll_id, r.provider_as_of,
       r.currency::varchar(3) AS currency, r.available::numeric(24, 4) AS available,
       r.ledger::numeric(24, 4) AS ledger, r.pending::numeric(24, 4) AS pending,
       r.allocated::numeric(24, 4) AS allocated, r.initial::numeric(24, 4) AS initial
FROM account a
-- while an account's open run follows its source, every closed run ended by the open run's first sighting: later
-- sightings belong to the open run (the second part below) and need no look-up here
LEFT JOIN latest_balance l ON l.account_id = a.id AND l.follows_source_poll
JOIN poll_source_result p ON p.source = a.source AND p.balances_recorded
                         AND p.finished_at <= COALESCE(l.observed_at, 'infinity')
CROSS JOIN LATERAL (
    -- the account's runs spanning the sighting: ending at or after it, and no later than the first run that
    -- begins after it
    SELECT r.provider_as_of, r.currency, r.available, r.ledger, r.pending, r.allocated, r.initial
    FROM balance_run r
    WHERE r.account_key = a.account_key AND r.first_seen_at <= p.finished_at AND r.last_seen_at >= p.finished_at
      AND r.last_seen_at <= COALESCE((SELECT n.last_seen_at
                                      FROM balance_run n
                                      WHERE n.account_key = a.account_key AND n.last_seen_at > p.finished_at
                                        AND n.last_seen_at <= COALESCE(l.observed_at, 'infinity')
                                        AND n.first_seen_at > p.finished_at
                                      ORDER BY n.last_seen_at
                                      LIMIT 1), l.observed_at, 'infinity')
    OFFSET 0 -- looked up per sighting by both bounds (never joined with every run of the account)
) r
UNION ALL
SELECT l.account_id::varchar(200), p.finished_at, p.poll_id, l.provider_as_of, l.currency::varchar(3),
       l.available::numeric(24, 4), l.ledger::numeric(24, 4), l.pending::numeric(24, 4),
       l.allocated::numeric(24, 4), l.initial::numeric(24, 4)
FROM latest_balance l
JOIN poll_source_result p ON p.source = l.source AND p.balances_recorded AND p.finished_at >= l.observed_at
WHERE l.follows_source_poll
UNION ALL
SELECT a.id::varchar(200), s.observed_at, s.poll_id, s.provider_as_of, s.currency::varchar(3),
       s.available::numeric(24, 4), s.ledger::numeric(24, 4), s.pending::numeric(24, 4),
       s.allocated::numeric(24, 4), s.initial::numeric(24, 4)
FROM balance_late_snapshot s
JOIN account a ON a.account_key = s.account_key;
/* [jooq ignore stop] */
