-- Which way each balance change went, so that a top-up (an increase beyond the configured noise,
-- balance-history.top-ups.noise-*) is an event of its own: in the account's history, in analytics.balance_changes
-- and for the top-up-settled alert. Decided while recording, with the noise settings of that time; an increase of a
-- card-limit account is the limit's reset, never a top-up.
ALTER TABLE balance_change ADD COLUMN direction VARCHAR(16);

/* [jooq ignore start] */
-- Changes recorded before this version had no noise settings to judge by: their increases stay plain increases.
UPDATE balance_change c SET direction = CASE
        WHEN c.change < 0 THEN 'decrease'
        WHEN EXISTS (SELECT 1 FROM account a WHERE a.id = c.account_id AND a.kind = 'card-limit') THEN 'reset'
        ELSE 'increase'
    END;
ALTER TABLE balance_change ALTER COLUMN direction SET NOT NULL;
ALTER TABLE balance_change ADD CONSTRAINT balance_change_direction
    CHECK (direction IN ('top-up', 'increase', 'reset', 'decrease'));
CREATE INDEX balance_change_top_ups ON balance_change (account_id, observed_at) WHERE direction = 'top-up';

-- The view keeps its columns in their order and gains direction at the end (CREATE OR REPLACE keeps its grants).
CREATE OR REPLACE VIEW analytics.balance_changes AS
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
       c.significant,
       c.direction
FROM balance_change c
JOIN account a ON a.id = c.account_id;
COMMENT ON COLUMN analytics.balance_changes.direction IS 'top-up: an increase beyond the configured noise (balance-history.top-ups.noise-amount per currency, noise-percent of the previous balance); increase: one within the noise (and every increase recorded before top-ups were detected); reset: an increase of a card-limit account (its limit reset); decrease: money spent.';
/* [jooq ignore stop] */
