-- balance-history core schema: poll runs, accounts, append-only snapshots, latest values, change events, rollups.
-- Amounts are NUMERIC(24,4): exact, and wide enough for every ISO 4217 minor unit (0 to 4 decimals).
-- Parts that jOOQ's DDLDatabase (H2) cannot parse sit between jooq-ignore markers; Flyway applies everything.

CREATE TABLE poll_run (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger          VARCHAR(16)  NOT NULL CHECK (trigger IN ('schedule', 'on_demand')),
    requested_source VARCHAR(80),
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ
);

CREATE TABLE poll_source_result (
    poll_id       BIGINT       NOT NULL REFERENCES poll_run (id),
    source        VARCHAR(80)  NOT NULL,
    provider      VARCHAR(32)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL CHECK (outcome IN ('ok', 'partial', 'failed', 'rate_limited', 'skipped')),
    error_text    VARCHAR(4000),
    accounts_seen INTEGER      NOT NULL DEFAULT 0,
    rows_written  INTEGER      NOT NULL DEFAULT 0,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (poll_id, source)
);
CREATE INDEX poll_source_result_by_source ON poll_source_result (source, finished_at);

CREATE TABLE account (
    id                 VARCHAR(200) PRIMARY KEY,
    source             VARCHAR(80)  NOT NULL,
    provider           VARCHAR(32)  NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    external_id        VARCHAR(200) NOT NULL,
    name               VARCHAR(500) NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    parent_external_id VARCHAR(200),
    attributes         JSONB        NOT NULL DEFAULT '{}',
    first_seen_at      TIMESTAMPTZ  NOT NULL,
    -- when the provider's full list first lacked the account; cleared when it comes back
    gone_at            TIMESTAMPTZ
);
-- "last seen" is the newest snapshot (latest_balance / latest_card_limit), so a poll need not touch every account.
CREATE INDEX account_by_source ON account (source, kind);
-- the few accounts that are gone, checked on every poll of their source
CREATE INDEX account_gone_by_source ON account (source) WHERE gone_at IS NOT NULL;

-- Every name an account has had, from when it was first seen with it.
CREATE TABLE account_name (
    account_id VARCHAR(200) NOT NULL REFERENCES account (id),
    name       VARCHAR(500) NOT NULL,
    seen_from  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, seen_from)
);

-- Provider bodies as received, for audit and reprocessing. Requests (and their credentials) are never stored.
CREATE TABLE raw_response (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id     BIGINT       NOT NULL REFERENCES poll_run (id),
    source      VARCHAR(80)  NOT NULL,
    endpoint    VARCHAR(500) NOT NULL,
    http_status INTEGER      NOT NULL,
    body        JSONB,
    body_text   VARCHAR(1000000),
    received_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX raw_response_by_poll ON raw_response (poll_id, source);

-- One row per account and poll. Append-only: a trigger refuses UPDATE and DELETE.
CREATE TABLE balance_snapshot (
    account_id     VARCHAR(200)   NOT NULL,
    observed_at    TIMESTAMPTZ    NOT NULL,
    poll_id        BIGINT         NOT NULL,
    provider_as_of TIMESTAMPTZ,
    currency       VARCHAR(3)     NOT NULL,
    available      NUMERIC(24, 4) NOT NULL,
    ledger         NUMERIC(24, 4),
    pending        NUMERIC(24, 4),
    allocated      NUMERIC(24, 4),
    initial        NUMERIC(24, 4),
    PRIMARY KEY (account_id, observed_at, poll_id)
) /* [jooq ignore start] */ PARTITION BY RANGE (observed_at) /* [jooq ignore stop] */;

-- Remaining card limits, one row per card, period and poll. Append-only as well.
CREATE TABLE card_limit_snapshot (
    account_id       VARCHAR(200)   NOT NULL,
    period           VARCHAR(16)    NOT NULL,
    observed_at      TIMESTAMPTZ    NOT NULL,
    poll_id          BIGINT         NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    remaining        NUMERIC(24, 4) NOT NULL,
    configured_total NUMERIC(24, 4),
    PRIMARY KEY (account_id, period, observed_at, poll_id)
) /* [jooq ignore start] */ PARTITION BY RANGE (observed_at) /* [jooq ignore stop] */;

-- The newest snapshot per account, upserted in the same transaction as the snapshot itself. It keeps the value
-- before it too, so that one upsert also yields the change events. Half-empty pages let updates stay HOT.
CREATE TABLE latest_balance (
    account_id           VARCHAR(200)   PRIMARY KEY REFERENCES account (id),
    poll_id              BIGINT         NOT NULL,
    observed_at          TIMESTAMPTZ    NOT NULL,
    provider_as_of       TIMESTAMPTZ,
    currency             VARCHAR(3)     NOT NULL,
    available            NUMERIC(24, 4) NOT NULL,
    ledger               NUMERIC(24, 4),
    pending              NUMERIC(24, 4),
    allocated            NUMERIC(24, 4),
    initial              NUMERIC(24, 4),
    previous_observed_at TIMESTAMPTZ,
    previous_available   NUMERIC(24, 4)
) /* [jooq ignore start] */ WITH (fillfactor = 50) /* [jooq ignore stop] */;

CREATE TABLE latest_card_limit (
    account_id       VARCHAR(200)   NOT NULL REFERENCES account (id),
    period           VARCHAR(16)    NOT NULL,
    poll_id          BIGINT         NOT NULL,
    observed_at      TIMESTAMPTZ    NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    remaining        NUMERIC(24, 4) NOT NULL,
    configured_total NUMERIC(24, 4),
    PRIMARY KEY (account_id, period)
) /* [jooq ignore start] */ WITH (fillfactor = 50) /* [jooq ignore stop] */;

-- A change of available balance between two consecutive snapshots of one account.
CREATE TABLE balance_change (
    account_id           VARCHAR(200)   NOT NULL,
    observed_at          TIMESTAMPTZ    NOT NULL,
    poll_id              BIGINT         NOT NULL,
    previous_observed_at TIMESTAMPTZ    NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    previous_available   NUMERIC(24, 4) NOT NULL,
    available            NUMERIC(24, 4) NOT NULL,
    change               NUMERIC(24, 4) NOT NULL,
    significant          BOOLEAN        NOT NULL,
    PRIMARY KEY (account_id, observed_at, poll_id)
);
CREATE INDEX balance_change_by_time ON balance_change (observed_at);

-- Daily rollup per account (UTC days), kept when raw partitions are dropped by the retention rule. Rolled up from
-- the raw snapshots once a day is over (days listed in daily_rollup_pending); until then analytics.daily_balances
-- computes the day from the raw rows, so the hot recording path writes each snapshot once.
CREATE TABLE daily_balance (
    account_id       VARCHAR(200)   NOT NULL,
    day              DATE           NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    open_available   NUMERIC(24, 4) NOT NULL,
    close_available  NUMERIC(24, 4) NOT NULL,
    min_available    NUMERIC(24, 4) NOT NULL,
    max_available    NUMERIC(24, 4) NOT NULL,
    samples          INTEGER        NOT NULL,
    first_observed_at TIMESTAMPTZ   NOT NULL,
    last_observed_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, day)
);

-- UTC days that received snapshots and are not rolled up (again) yet.
CREATE TABLE daily_rollup_pending (
    day       DATE        PRIMARY KEY,
    marked_at TIMESTAMPTZ NOT NULL
);

-- When each source is next due; claimed atomically so that one instance polls each due slot.
CREATE TABLE source_schedule (
    source          VARCHAR(80) PRIMARY KEY,
    next_due_at     TIMESTAMPTZ NOT NULL,
    last_claimed_at TIMESTAMPTZ,
    last_claimed_by VARCHAR(200)
);

/* [jooq ignore start] */
-- Snapshots arrive in time order: a BRIN index finds a day's rows for rollups at almost no write cost.
CREATE INDEX balance_snapshot_by_time ON balance_snapshot USING brin (observed_at);

-- Monthly partitions, created ahead by the service (and here for the current months).
CREATE FUNCTION ensure_snapshot_partitions(month_start DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    first_day DATE := date_trunc('month', month_start)::date;
    next_day  DATE := (date_trunc('month', month_start) + INTERVAL '1 month')::date;
    suffix    TEXT := to_char(first_day, 'YYYY_MM');
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF balance_snapshot FOR VALUES FROM (%L) TO (%L)',
                   'balance_snapshot_' || suffix, first_day, next_day);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF card_limit_snapshot FOR VALUES FROM (%L) TO (%L)',
                   'card_limit_snapshot_' || suffix, first_day, next_day);
END;
$$;

SELECT ensure_snapshot_partitions((date_trunc('month', now()) + make_interval(months => m))::date)
FROM generate_series(-1, 3) AS m;

-- Provider bodies are stored as JSONB when they parse, as text when they do not (a malformed body is evidence too).
CREATE FUNCTION try_jsonb(body TEXT) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN body::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

-- Snapshots are history: refuse to change or remove one (retention drops whole partitions instead).
CREATE FUNCTION refuse_snapshot_change() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER balance_snapshot_append_only
    BEFORE UPDATE OR DELETE ON balance_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_snapshot_append_only
    BEFORE UPDATE OR DELETE ON card_limit_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
-- Row triggers are cloned onto every partition; statement triggers also refuse statements that match no row.
CREATE TRIGGER balance_snapshot_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON balance_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_snapshot_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON card_limit_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();
/* [jooq ignore stop] */
