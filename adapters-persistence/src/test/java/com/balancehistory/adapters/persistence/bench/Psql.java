package com.balancehistory.adapters.persistence.bench;

import com.balancehistory.db.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** psql on the benchmark's test database: the tool the recording benchmarks are measured against. */
final class Psql {

    /** The columns of the snapshot CSV files the benchmarks write, in their order. */
    static final String SNAPSHOT_COLUMNS = "account_id, observed_at, poll_id, currency, available";

    private final String url;

    Psql(TestDatabase db) {
        String jdbcUrl = db.jdbcUrl().substring("jdbc:".length());
        this.url = jdbcUrl.contains("user=")
                ? jdbcUrl
                : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + db.user();
    }

    /**
     * The per-poll snapshot table as it was before history became runs (V1 to V7: one row per account and poll,
     * partitioned by month, its key and BRIN index): what psql's {@code \copy} is measured into, and the form the
     * storage figures compare with.
     */
    static final String PER_POLL_TABLE = """
            CREATE TABLE IF NOT EXISTS per_poll_snapshot (
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
            ) PARTITION BY RANGE (observed_at);
            CREATE TABLE IF NOT EXISTS per_poll_snapshot_any PARTITION OF per_poll_snapshot DEFAULT;
            CREATE INDEX IF NOT EXISTS per_poll_snapshot_by_time ON per_poll_snapshot USING brin (observed_at);
            CREATE TABLE IF NOT EXISTS per_poll_change (
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
            CREATE INDEX IF NOT EXISTS per_poll_change_by_time ON per_poll_change (observed_at);
            """;

    /** {@code \copy} of a CSV file of {@link #SNAPSHOT_COLUMNS} into the per-poll table. */
    void copySnapshots(Path csv) throws IOException, InterruptedException {
        run("-c", "\\copy per_poll_snapshot (" + SNAPSHOT_COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv)");
    }

    /** Runs psql with these arguments, stopping at the first error; fails with psql's output if it did not succeed. */
    void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url));
        command.addAll(List.of(arguments));
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
    }
}
