-- How many recordings have taken the source's lock on this row. Every recording that writes a source's accounts
-- takes it first and adds one, so an instance that finds the count one above what its own last recording left
-- knows that no other recording has written the source's accounts since, and may trust what it wrote then.
ALTER TABLE source_balance_poll ADD COLUMN recordings BIGINT NOT NULL DEFAULT 0;

COMMENT ON COLUMN source_balance_poll.recordings IS
    'Recordings of the source so far (each adds one when it takes the row''s lock); counts from 0 at V36.';
