-- Exchange rates set by an admin (PUT /api/v1/fx-rates). Each PUT is one version: its rates are inserted with the
-- next version number and nothing is ever updated or deleted, so every rate a report used can be found again. For a
-- pair and date, the rate of the highest version is the one in force (configured rates live in the configuration).
CREATE SEQUENCE fx_rate_version;

CREATE TABLE fx_rate (
    version       BIGINT         NOT NULL,
    from_currency VARCHAR(3)     NOT NULL,
    to_currency   VARCHAR(3)     NOT NULL,
    rate_date     DATE           NOT NULL,
    rate          NUMERIC(24, 12) NOT NULL,
    source        VARCHAR(200)   NOT NULL,
    stored_at     TIMESTAMPTZ    NOT NULL,
    stored_by     VARCHAR(200)   NOT NULL,
    PRIMARY KEY (version, from_currency, to_currency, rate_date),
    CONSTRAINT fx_rate_positive CHECK (rate > 0),
    CONSTRAINT fx_rate_two_currencies CHECK (from_currency <> to_currency)
);

-- The rate in force for a pair at a date: the newest date at or before it, then the highest version.
CREATE INDEX fx_rate_by_pair ON fx_rate (from_currency, to_currency, rate_date, version);

COMMENT ON TABLE fx_rate IS 'Exchange rates set through the API, one row per rate and version; append-only.';

/* [jooq ignore start] */
-- Same refusal as the snapshots' (V1): a stored rate is history.
CREATE TRIGGER fx_rate_append_only
    BEFORE UPDATE OR DELETE ON fx_rate
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER fx_rate_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON fx_rate
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();

CREATE VIEW analytics.fx_rates AS
SELECT r.from_currency,
       r.to_currency,
       r.rate_date,
       r.rate,
       r.source,
       r.version,
       r.stored_at,
       r.stored_by,
       NOT EXISTS (SELECT 1
                   FROM fx_rate later
                   WHERE later.from_currency = r.from_currency
                     AND later.to_currency = r.to_currency
                     AND later.rate_date = r.rate_date
                     AND later.version > r.version) AS in_force
FROM fx_rate r;

COMMENT ON VIEW analytics.fx_rates IS 'Every exchange rate stored through PUT /api/v1/fx-rates, each version kept. One unit of from_currency buys rate units of to_currency on rate_date. Only direct pairs: never invert a rate or chain two. Rates from the configuration file (balance-history.fx.rates) are not here; the service prefers a stored rate over a configured one of the same pair and date.';
COMMENT ON COLUMN analytics.fx_rates.from_currency IS 'ISO 4217 code of the currency converted from.';
COMMENT ON COLUMN analytics.fx_rates.to_currency IS 'ISO 4217 code of the currency converted into.';
COMMENT ON COLUMN analytics.fx_rates.rate_date IS 'The date the rate was published for; it applies from 00:00 UTC of that date until a newer date.';
COMMENT ON COLUMN analytics.fx_rates.rate IS 'Units of to_currency for one unit of from_currency, exact (up to 12 decimals).';
COMMENT ON COLUMN analytics.fx_rates.source IS 'Who published the rate, as the admin gave it (ECB, BoE, treasury desk).';
COMMENT ON COLUMN analytics.fx_rates.version IS 'The PUT that stored it: one version per PUT, increasing.';
COMMENT ON COLUMN analytics.fx_rates.stored_at IS 'When the version was stored.';
COMMENT ON COLUMN analytics.fx_rates.stored_by IS 'The name of the API key that stored it.';
COMMENT ON COLUMN analytics.fx_rates.in_force IS 'True when no later version has a rate for the same pair and date.';

GRANT SELECT ON analytics.fx_rates TO balance_analyst;
/* [jooq ignore stop] */
