-- What balances as of a past time are judged by, kept as it held then rather than read from today's state.
--
-- The poll interval: each source's result of a poll records the interval the source was configured with, so an
-- observation's staleness at a past time uses the interval of its source's last poll at or before that time. Results
-- recorded before this version have none: their staleness falls back to the interval configured now.
ALTER TABLE poll_source_result ADD COLUMN poll_interval_millis BIGINT;
COMMENT ON COLUMN poll_source_result.poll_interval_millis IS 'The source''s configured poll interval when this poll ran, in milliseconds; NULL for polls recorded before it was kept (the interval configured now applies).';

-- Gone periods: account.gone_at holds only the current one and is cleared when the account comes back, so each time
-- a full listing lacks an account is kept here, with when it was seen again. Periods that ended before this version
-- are not known; an account gone now starts with its open period.
CREATE TABLE account_gone (
    account_id VARCHAR(200) NOT NULL REFERENCES account (id),
    gone_at    TIMESTAMPTZ  NOT NULL,
    back_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, gone_at)
);
COMMENT ON TABLE account_gone IS 'Each period an account was gone from its provider''s full listing: from gone_at (the poll that first lacked it) until back_at (the poll that saw it again; NULL while it is gone).';

/* [jooq ignore start] */
-- the open periods, closed when an account is seen again
CREATE INDEX account_gone_open ON account_gone (account_id) WHERE back_at IS NULL;
INSERT INTO account_gone (account_id, gone_at)
SELECT id, gone_at FROM account WHERE gone_at IS NOT NULL;
/* [jooq ignore stop] */
