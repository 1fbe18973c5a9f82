-- Issue 6: stored reports, the shared schedule of report jobs, delivery attempts, and the alert lifecycle.

-- One generated report: what was asked for (type, parameters), the snapshot time it was built from (as_of), and the
-- content as JSON, so the same report can be rebuilt from the snapshots at as_of and compared.
CREATE TABLE report (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_type    VARCHAR(32)  NOT NULL,
    as_of          TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    trigger        VARCHAR(16)  NOT NULL CHECK (trigger IN ('schedule', 'catch_up', 'on_demand')),
    schedule_name  VARCHAR(120),
    scheduled_for  TIMESTAMPTZ,
    parameters     JSONB        NOT NULL,
    content        JSONB        NOT NULL,
    content_sha256 VARCHAR(64)  NOT NULL
);
CREATE INDEX report_by_type_and_time ON report (report_type, as_of);
-- a scheduled slot yields one report, whichever instance claimed it
CREATE UNIQUE INDEX report_once_per_slot ON report (schedule_name, scheduled_for);

-- When each scheduled job (a report schedule) is next due; claimed atomically so one instance runs each slot.
CREATE TABLE job_schedule (
    job             VARCHAR(120) PRIMARY KEY,
    next_due_at     TIMESTAMPTZ  NOT NULL,
    last_slot_at    TIMESTAMPTZ,
    last_claimed_at TIMESTAMPTZ,
    last_claimed_by VARCHAR(200)
);

-- Every attempt to deliver a report or an alert notification, successful or not.
CREATE TABLE delivery_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject      VARCHAR(16)   NOT NULL CHECK (subject IN ('report', 'alert')),
    subject_id   BIGINT        NOT NULL,
    channel      VARCHAR(16)   NOT NULL CHECK (channel IN ('directory', 'webhook', 'log')),
    target       VARCHAR(1000) NOT NULL,
    attempt      INTEGER       NOT NULL,
    attempted_at TIMESTAMPTZ   NOT NULL,
    succeeded    BOOLEAN       NOT NULL,
    http_status  INTEGER,
    error_text   VARCHAR(4000)
);
CREATE INDEX delivery_attempt_by_subject ON delivery_attempt (subject, subject_id);

-- The current state of every alert that ever fired: active, or resolved (kept for the cooldown).
CREATE TABLE alert_state (
    kind            VARCHAR(32)    NOT NULL,
    subject         VARCHAR(300)   NOT NULL,
    active          BOOLEAN        NOT NULL,
    source          VARCHAR(80)    NOT NULL,
    observed_value  NUMERIC(24, 4),
    threshold_value NUMERIC(24, 4),
    unit            VARCHAR(16),
    message         VARCHAR(2000)  NOT NULL,
    fired_at        TIMESTAMPTZ    NOT NULL,
    resolved_at     TIMESTAMPTZ,
    version         BIGINT         NOT NULL,
    PRIMARY KEY (kind, subject)
);

-- Every firing and resolution, with the values that caused it. Append-only by convention.
CREATE TABLE alert_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            VARCHAR(32)    NOT NULL,
    subject         VARCHAR(300)   NOT NULL,
    event_type      VARCHAR(16)    NOT NULL CHECK (event_type IN ('fired', 'resolved')),
    occurred_at     TIMESTAMPTZ    NOT NULL,
    source          VARCHAR(80)    NOT NULL,
    observed_value  NUMERIC(24, 4),
    threshold_value NUMERIC(24, 4),
    unit            VARCHAR(16),
    message         VARCHAR(2000)  NOT NULL,
    fired_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX alert_event_by_time ON alert_event (occurred_at);
