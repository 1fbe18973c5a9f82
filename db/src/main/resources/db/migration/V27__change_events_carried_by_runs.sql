-- A change of available balance starts a run, so the run carries its change event instead of a row of its own in
-- balance_change: the previous value and its last sighting, whether the change was significant and which way it
-- went. The change's own time is the run's first sighting and its poll is that sighting's poll (the source's ledger
-- says which). The open run's change stays in its latest_balance row (which already holds the previous value and
-- time) until the run is closed. balance_change keeps the events recorded before this version, keyed by the
-- account's integer key instead of its text id. analytics.balance_changes answers as before from all three.
-- Columns are added in this order so that a run's row stays as small as PostgreSQL's alignment allows.
ALTER TABLE balance_run ADD COLUMN previous_available NUMERIC(24, 4);
ALTER TABLE balance_run ADD COLUMN change_significant BOOLEAN;
-- One letter for the direction: t top-up, i increase, r reset, d decrease (NULL: the run did not start with a
-- change of available balance). The view spells it out as balance_change.direction does.
ALTER TABLE balance_run ADD COLUMN change_direction CHAR(1);
ALTER TABLE balance_run ADD COLUMN previous_observed_at TIMESTAMPTZ;
ALTER TABLE latest_balance ADD COLUMN change_significant BOOLEAN;
ALTER TABLE latest_balance ADD COLUMN change_direction CHAR(1);
/* [jooq ignore start] */
ALTER TABLE balance_run ADD CONSTRAINT balance_run_change_direction CHECK (change_direction IN ('t', 'i', 'r', 'd'));
ALTER TABLE latest_balance ADD CONSTRAINT latest_balance_change_direction
    CHECK (change_direction IN ('t', 'i', 'r', 'd'));
/* [jooq ignore stop] */

-- Runs by the time they were closed: they are written in that order, so a block range index is a few pages and
-- lets a time-bounded read of change events skip every run closed before it.
/* [jooq ignore start] */
CREATE INDEX balance_run_by_last_seen ON balance_run USING brin (last_seen_at);
/* [jooq ignore stop] */

-- The events recorded before this version move to a table keyed by the integer account key instead of the text
-- id, without the stored change (the view computes available - previous_available); it takes the old name.
CREATE TABLE balance_change_keyed (
    account_key          INTEGER        NOT NULL,
    observed_at          TIMESTAMPTZ    NOT NULL,
    poll_id              BIGINT         NOT NULL,
    previous_observed_at TIMESTAMPTZ    NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    previous_available   NUMERIC(24, 4) NOT NULL,
    available            NUMERIC(24, 4) NOT NULL,
    significant          BOOLEAN        NOT NULL,
    direction            VARCHAR(16)    NOT NULL,
    PRIMARY KEY (account_key, observed_at, poll_id)
);
/* [jooq ignore start] */
INSERT INTO balance_change_keyed (account_key, observed_at, poll_id, previous_observed_at, currency,
                                  previous_available, available, significant, direction)
SELECT a.account_key, c.observed_at, c.poll_id, c.previous_observed_at, c.currency, c.previous_available,
       c.available, c.significant, c.direction
FROM balance_change c JOIN account a ON a.id = c.account_id
ORDER BY c.observed_at;
CREATE INDEX balance_change_keyed_by_time ON balance_change_keyed (observed_at);

-- Every change event, wherever it is kept: the events before this version, the closed runs that started with a
-- change, and the open runs' (latest rows that follow their source's newest poll). run_last_seen_at is when the
-- event's run was last seen (infinity while open): a reader bounding it by the start of its time range reads only
-- the runs closed since.
CREATE VIEW balance_change_event AS
SELECT c.account_key, c.observed_at, c.previous_observed_at, c.poll_id, c.currency, c.previous_available,
       c.available, c.significant, c.direction, c.observed_at AS run_last_seen_at
FROM balance_change_keyed c
UNION ALL
SELECT r.account_key, r.first_seen_at, r.previous_observed_at,
       (SELECT min(p.poll_id)
        FROM account a JOIN poll_source_result p ON p.source = a.source
        WHERE a.account_key = r.account_key AND p.balances_recorded AND p.finished_at = r.first_seen_at),
       r.currency, r.previous_available, r.available, r.change_significant,
       (CASE r.change_direction WHEN 't' THEN 'top-up' WHEN 'i' THEN 'increase' WHEN 'r' THEN 'reset'
                                ELSE 'decrease' END)::varchar(16),
       r.last_seen_at
FROM balance_run r
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
COMMENT ON VIEW balance_change_event IS 'Every change event: balance_change (recorded before V27), closed runs that started with a change, open runs'' latest rows; analytics.balance_changes reads it.';

-- The view keeps its columns, their names, types and order (CREATE OR REPLACE keeps its grants and comments).
CREATE OR REPLACE VIEW analytics.balance_changes AS
SELECT e.observed_at,
       e.previous_observed_at,
       e.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.name        AS account_name,
       a.kind,
       e.currency,
       e.previous_available,
       e.available,
       (e.available - e.previous_available)::numeric(24, 4) AS change,
       e.significant,
       e.direction
FROM balance_change_event e
JOIN account a ON a.account_key = e.account_key;

/* [jooq ignore stop] */
DROP TABLE balance_change;
ALTER TABLE balance_change_keyed RENAME TO balance_change;
/* [jooq ignore start] */
ALTER TABLE balance_change RENAME CONSTRAINT balance_change_keyed_pkey TO balance_change_pkey;
ALTER INDEX balance_change_keyed_by_time RENAME TO balance_change_by_time;
ALTER TABLE balance_change ADD CONSTRAINT balance_change_direction
    CHECK (direction IN ('top-up', 'increase', 'reset', 'decrease'));
COMMENT ON TABLE balance_change IS 'Change events recorded before V27; later ones are carried by the runs they start (balance_change_event has them all).';
/* [jooq ignore stop] */
