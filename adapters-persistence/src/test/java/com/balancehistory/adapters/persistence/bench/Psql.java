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
        this.url = jdbcUrl.contains("user=") ? jdbcUrl
                : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + db.user();
    }

    /** {@code \copy} of a CSV file of {@link #SNAPSHOT_COLUMNS} into balance_snapshot. */
    void copySnapshots(Path csv) throws IOException, InterruptedException {
        run("-c", "\\copy balance_snapshot (" + SNAPSHOT_COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv)");
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
