-- Account labels (department, team, cost-center, owner, parent, ...) with the time each value held. A relabel closes
-- the open assignment (valid_to) and opens a new one at the time of the poll that first saw it, so a report as of an
-- earlier time groups by the labels of that time. Written while recording a poll, and only where they changed.
CREATE TABLE account_label (
    account_id VARCHAR(200) NOT NULL REFERENCES account (id),
    key        VARCHAR(63)  NOT NULL,
    value      VARCHAR(200) NOT NULL,
    valid_from TIMESTAMPTZ NOT NULL,
    valid_to   TIMESTAMPTZ,
    PRIMARY KEY (account_id, key, valid_from),
    CONSTRAINT account_label_valid_range CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- At most one open value per account and key; the filters of the API look up open values by key and value.
CREATE UNIQUE INDEX account_label_open ON account_label (account_id, key) WHERE valid_to IS NULL;
CREATE INDEX account_label_open_by_value ON account_label (key, value) WHERE valid_to IS NULL;

COMMENT ON TABLE account_label IS 'Every label value an account had, from when to when (valid_to NULL: still holds).';

/* [jooq ignore start] */
CREATE VIEW analytics.account_labels AS
SELECT l.account_id, l.key, l.value, l.valid_from, l.valid_to
FROM account_label l;

COMMENT ON VIEW analytics.account_labels IS 'Every label an account had (department, team, cost-center, owner; parent and parent-id from Equals Money''s budget hierarchy), with the time range it held: from valid_from (included) to valid_to (excluded; NULL while it still holds). A label at time t: valid_from <= t AND (valid_to IS NULL OR valid_to > t).';
COMMENT ON COLUMN analytics.account_labels.account_id IS 'Stable account id (source.kind.provider-id), as in the other views.';
COMMENT ON COLUMN analytics.account_labels.key IS 'Label key, lower case: department, team, cost-center, owner, parent, parent-id, or any configured key.';
COMMENT ON COLUMN analytics.account_labels.value IS 'Label value, as configured or as the provider gave it.';
COMMENT ON COLUMN analytics.account_labels.valid_from IS 'When the value began to hold: the poll that first recorded it with this value.';
COMMENT ON COLUMN analytics.account_labels.valid_to IS 'When the value stopped holding (the poll that first recorded another value or none); NULL while it holds.';

GRANT SELECT ON analytics.account_labels TO balance_analyst;
/* [jooq ignore stop] */
