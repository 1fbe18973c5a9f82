-- Recording a poll no longer rewrites the latest value of every account whose balance did not change: a row that
-- the source's newest balance poll saw with the same value "follows" that poll, whose time is its observed time.
-- Only changed, new and vanished accounts are written, so a poll of 100,000 mostly unchanged budgets writes its
-- snapshots and a few latest rows instead of 100,000 of each.

-- The newest poll whose balances each source recorded; locked while a poll of the source is recorded, so that
-- recordings of one source apply their latest values one after another.
CREATE TABLE source_balance_poll (
    source      VARCHAR(80) PRIMARY KEY,
    poll_id     BIGINT      NOT NULL REFERENCES poll_run (id),
    observed_at TIMESTAMPTZ NOT NULL
);

-- TRUE: the row's value was seen again by its source's newest balance poll (source_balance_poll), whose poll_id and
-- observed_at then apply; the row's own observed_at is when the value was first seen. FALSE: the row's own
-- poll_id and observed_at are the last sighting (an account the newest poll did not return, or an older row).
ALTER TABLE latest_balance ADD COLUMN follows_source_poll BOOLEAN NOT NULL DEFAULT FALSE;

/* [jooq ignore start] */
COMMENT ON TABLE source_balance_poll IS 'Per source, the newest poll whose balances were recorded.';
COMMENT ON COLUMN latest_balance.follows_source_poll IS 'TRUE while the source''s newest balance poll saw this value again: its observed_at (source_balance_poll) is then the last sighting.';

CREATE OR REPLACE VIEW analytics.latest_balances AS
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
       CASE WHEN l.follows_source_poll THEN p.observed_at ELSE l.observed_at END AS observed_at,
       l.provider_as_of,
       a.first_seen_at,
       CASE WHEN l.follows_source_poll THEN p.observed_at ELSE l.observed_at END AS last_seen_at,
       a.gone_at
FROM latest_balance l
JOIN account a ON a.id = l.account_id
LEFT JOIN source_balance_poll p ON p.source = a.source;
/* [jooq ignore stop] */
