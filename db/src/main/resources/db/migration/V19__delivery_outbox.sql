-- Durable outbox of alert notifications and report deliveries: each delivery is written in the same transaction as
-- what it announces (the alert's state change, the stored report), then sent by a background worker of any instance.
-- A worker claims rows with FOR UPDATE SKIP LOCKED and a lease: of two instances each row is sent by one, and a row
-- whose instance stopped mid-delivery becomes claimable again when its lease runs out.
CREATE TABLE delivery_outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject      VARCHAR(16)   NOT NULL CHECK (subject IN ('report', 'alert')),
    subject_id   BIGINT        NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    target       VARCHAR(2000) NOT NULL,
    payload_json VARCHAR       NOT NULL,
    state        VARCHAR(16)   NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    rounds       INTEGER       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ   NOT NULL,
    lease_until  TIMESTAMPTZ,
    leased_by    VARCHAR(200),
    finished_at  TIMESTAMPTZ,
    last_error   VARCHAR(4000)
);
CREATE INDEX delivery_outbox_pending ON delivery_outbox (id) WHERE state = 'pending';
COMMENT ON TABLE delivery_outbox IS 'Alert notifications and report deliveries waiting to be sent, or sent (kept for operators).';
COMMENT ON COLUMN delivery_outbox.subject IS 'What is announced: report or alert (an alert_event).';
COMMENT ON COLUMN delivery_outbox.subject_id IS 'The report id or the alert_event id.';
COMMENT ON COLUMN delivery_outbox.channel IS 'directory, webhook or log.';
COMMENT ON COLUMN delivery_outbox.target IS 'The configured target as shown (a path, a URL without credentials, log); its secret stays in configuration.';
COMMENT ON COLUMN delivery_outbox.payload_json IS 'The JSON delivered (POSTed to a webhook, written to a directory).';
COMMENT ON COLUMN delivery_outbox.state IS 'pending until sent; failed when given up (target no longer configured, or still failing after the give-up age).';
COMMENT ON COLUMN delivery_outbox.rounds IS 'How many times a worker claimed it; each round makes the configured attempts with backoff.';
COMMENT ON COLUMN delivery_outbox.lease_until IS 'A worker holds the row until then; after it (instance stopped, or the round failed) it is claimable again.';
COMMENT ON COLUMN delivery_outbox.leased_by IS 'Instance (instance-id/pid) of the last claim.';
COMMENT ON COLUMN delivery_outbox.finished_at IS 'When it was sent or given up.';
COMMENT ON COLUMN delivery_outbox.last_error IS 'The last failed attempt''s error.';

-- the files a directory target receives (a report's JSON, CSV and HTML; an alert's JSON), by file name
CREATE TABLE delivery_outbox_file (
    outbox_id BIGINT       NOT NULL REFERENCES delivery_outbox (id) ON DELETE CASCADE,
    name      VARCHAR(200) NOT NULL,
    content   VARCHAR      NOT NULL,
    PRIMARY KEY (outbox_id, name)
);
COMMENT ON TABLE delivery_outbox_file IS 'Files a directory target receives for an outbox row, by file name.';
