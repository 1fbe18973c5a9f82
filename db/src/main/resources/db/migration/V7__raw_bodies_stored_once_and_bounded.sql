-- Provider bodies were stored whole on every poll, never pruned: a source answering the same 2 MB every 5 minutes
-- grew raw_response by about 600 MB a day, and a body over 1,000,000 characters failed the whole poll. Now:
--   raw_body     one row per distinct body (by SHA-256) of a source and endpoint per UTC day: a body repeated on
--                every poll of the day is stored once; a body over the stored-size cap keeps its first part, its
--                full length and the hash of the whole.
--   raw_receipt  one small row per response per poll, naming its body by hash.
-- Both are range-partitioned by UTC day, so the retention (balance-history.retention.raw-responses) drops whole
-- days; a receipt and its body sit in partitions of the same day and go together. The history never reads them.
-- raw_response keeps its name and columns as a view joining the two.

/* [jooq ignore start] */
ALTER TABLE raw_response RENAME TO raw_response_before_v7;
/* [jooq ignore stop] */
DROP TABLE IF EXISTS raw_response;

CREATE TABLE raw_body (
    received_on  DATE         NOT NULL,
    source       VARCHAR(80)  NOT NULL,
    endpoint     VARCHAR(500) NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    body_length  INTEGER      NOT NULL,
    truncated    BOOLEAN      NOT NULL,
    body         JSONB,
    body_text    VARCHAR,
    PRIMARY KEY (received_on, source, endpoint, sha256)
) /* [jooq ignore start] */ PARTITION BY RANGE (received_on) /* [jooq ignore stop] */;

CREATE TABLE raw_receipt (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    received_on DATE         NOT NULL,
    poll_id     BIGINT       NOT NULL,
    source      VARCHAR(80)  NOT NULL,
    endpoint    VARCHAR(500) NOT NULL,
    http_status INTEGER      NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (received_on, id)
) /* [jooq ignore start] */ PARTITION BY RANGE (received_on) /* [jooq ignore stop] */;
CREATE INDEX raw_receipt_by_poll ON raw_receipt (poll_id, source);

/* [jooq ignore start] */
COMMENT ON TABLE raw_body IS 'Provider bodies, each distinct body of a source and endpoint once per UTC day; partitioned by day for the retention.';
COMMENT ON COLUMN raw_body.sha256 IS 'SHA-256 (hex) of the whole body as received (UTF-8), also when only its first part is stored.';
COMMENT ON COLUMN raw_body.body_length IS 'Length of the whole body in UTF-8 bytes.';
COMMENT ON COLUMN raw_body.truncated IS 'TRUE when the body was over the stored-size cap: body_text holds its first part, body is NULL.';
COMMENT ON TABLE raw_receipt IS 'One row per provider response per poll, naming its body (raw_body) by hash.';

-- Daily partitions of both tables, created by the service before the first response of a day (and ahead).
CREATE FUNCTION ensure_raw_partitions(day DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    suffix TEXT := to_char(day, 'YYYY_MM_DD');
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF raw_body FOR VALUES FROM (%L) TO (%L)',
                   'raw_body_' || suffix, day, day + 1);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF raw_receipt FOR VALUES FROM (%L) TO (%L)',
                   'raw_receipt_' || suffix, day, day + 1);
END;
$$;

SELECT ensure_raw_partitions((now() AT TIME ZONE 'UTC')::date + d) FROM generate_series(-1, 2) AS d;

-- The rows stored before move over, each distinct body once per day (a JSONB body is hashed in its stored form).
SELECT ensure_raw_partitions(day)
FROM (SELECT DISTINCT (received_at AT TIME ZONE 'UTC')::date AS day FROM raw_response_before_v7) d;

CREATE TEMPORARY TABLE raw_before_v7 ON COMMIT DROP AS
SELECT id, (received_at AT TIME ZONE 'UTC')::date AS received_on, poll_id, source, endpoint, http_status,
       body, body_text, received_at,
       encode(sha256(convert_to(COALESCE(body_text, body::text, ''), 'UTF8')), 'hex') AS sha256,
       octet_length(convert_to(COALESCE(body_text, body::text, ''), 'UTF8')) AS body_length
FROM raw_response_before_v7;

INSERT INTO raw_body (received_on, source, endpoint, sha256, body_length, truncated, body, body_text)
SELECT DISTINCT ON (received_on, source, endpoint, sha256)
       received_on, source, endpoint, sha256, body_length, FALSE, body, body_text
FROM raw_before_v7
ORDER BY received_on, source, endpoint, sha256, id;

INSERT INTO raw_receipt (id, received_on, poll_id, source, endpoint, http_status, sha256, received_at)
OVERRIDING SYSTEM VALUE
SELECT id, received_on, poll_id, source, endpoint, http_status, sha256, received_at FROM raw_before_v7;
SELECT setval(pg_get_serial_sequence('raw_receipt', 'id'), COALESCE((SELECT max(id) FROM raw_receipt), 0) + 1, false);

DROP TABLE raw_response_before_v7;

CREATE VIEW raw_response AS
SELECT r.id, r.poll_id, r.source, r.endpoint, r.http_status, b.body, b.body_text, r.received_at,
       b.body_length, r.sha256 AS body_sha256, b.truncated AS body_truncated
FROM raw_receipt r
LEFT JOIN raw_body b ON b.received_on = r.received_on AND b.source = r.source AND b.endpoint = r.endpoint
                    AND b.sha256 = r.sha256;
COMMENT ON VIEW raw_response IS 'Provider responses per poll with their bodies, as stored before bodies were kept once (raw_receipt joined with raw_body).';
/* [jooq ignore stop] */
