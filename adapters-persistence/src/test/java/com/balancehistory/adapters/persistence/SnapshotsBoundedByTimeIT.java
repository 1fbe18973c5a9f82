package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * analytics.snapshots of one account over one day reads the runs reaching into that day, not the account's whole
 * history: the query's time bounds the runs each sighting looks up, so the run partitions of earlier months are never
 * scanned. The view's rows themselves are pinned by {@code CompactHistoryEquivalenceIT} and {@code AnalyticsViewsIT}.
 */
class SnapshotsBoundedByTimeIT {

    private static final DSLContext DSL_CONTEXT = PersistenceTestSupport.dsl();
    /** A scan of a run partition in a plan's text, with how often it ran ("never executed": not at all). */
    private static final Pattern RUN_PARTITION_SCAN =
            Pattern.compile(" on (balance_run_\\d{4}_\\d{2}) .*?(?:\\(never executed\\)|loops=(\\d+)\\))");

    @Test
    void one_account_over_a_day_scans_no_run_partition_of_an_earlier_month() throws Exception {
        String source = "bound-" + UUID.randomUUID().toString().substring(0, 8);
        String account = source + ".budget.b1";
        TenDayRuns.write(DSL_CONTEXT, source, account);

        List<String> plan = DSL_CONTEXT
                .fetch(
                        "EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM analytics.snapshots WHERE account_id = ?"
                                + " AND observed_at >= '2024-04-05T00:00:00Z' AND observed_at < '2024-04-06T00:00:00Z'",
                        account)
                .getValues(0, String.class);

        assertThat(plan.get(0)).as("the day's four sightings").contains("rows=4 loops=1");
        List<String> scanned = plan.stream()
                .map(RUN_PARTITION_SCAN::matcher)
                .filter(Matcher::find)
                .filter(m -> m.group(2) != null && Long.parseLong(m.group(2)) > 0)
                .map(m -> m.group(1))
                .toList();
        assertThat(scanned)
                .as("run partitions scanned, in %s", String.join("\n", plan))
                .isNotEmpty()
                .noneMatch(partition -> partition.compareTo("balance_run_2024_04") < 0);
    }
}
