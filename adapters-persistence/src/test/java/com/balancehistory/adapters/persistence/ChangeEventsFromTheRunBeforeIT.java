package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A closed run reads the value before its change from the account's run before it, and carries it only where that
 * run cannot give it: after a poll recorded late (no run holds the value before) and where retention may drop the
 * run before while keeping this one (it ended in an earlier month). The change events answer the same either way.
 */
class ChangeEventsFromTheRunBeforeIT {

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqSnapshotStore store =
            new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
    private String source;

    @BeforeEach
    void uniqueSource() {
        source = "prev-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_change_from_a_value_seen_only_by_a_poll_recorded_late_keeps_that_value() {
        Instant t0 = Instant.parse("2026-11-18T10:00:00Z");
        Instant t1 = t0.plusSeconds(300);
        long late = open(t0);
        record(open(t1), t1, partial(balance("b0", "1.00")));
        record(late, t0, partial(balance("b0", "1.00"), balance("b1", "100.00"))); // after the newer poll at t1
        record(open(t0.plusSeconds(600)), t0.plusSeconds(600), partial(balance("b0", "1.00"), balance("b1", "90.00")));
        record(open(t0.plusSeconds(900)), t0.plusSeconds(900), partial(balance("b0", "1.00"), balance("b1", "80.00")));
        record(
                open(t0.plusSeconds(1200)),
                t0.plusSeconds(1200),
                partial(balance("b0", "1.00"), balance("b1", "70.00")));

        assertThat(changes("b1"))
                .containsExactly(
                        "2026-11-18T10:00:00Z 100.0000 -> 2026-11-18T10:10:00Z 90.0000",
                        "2026-11-18T10:10:00Z 90.0000 -> 2026-11-18T10:15:00Z 80.0000",
                        "2026-11-18T10:15:00Z 80.0000 -> 2026-11-18T10:20:00Z 70.0000");
        assertThat(carried("b1"))
                .as("only the run whose value before no run holds carries it")
                .containsExactly("2026-11-18T10:10:00Z 100.0000", "2026-11-18T10:15:00Z -");
    }

    @Test
    void a_change_whose_run_before_ended_in_a_month_retention_drops_keeps_its_answer() {
        Instant t0 = Instant.parse("2023-01-31T23:50:00Z");
        record(open(t0), t0, listed(balance("b1", "100.00")));
        record(open(t0.plusSeconds(300)), t0.plusSeconds(300), listed(balance("b1", "100.00")));
        record(open(t0.plusSeconds(600)), t0.plusSeconds(600), listed(balance("b1", "90.00"))); // Feb 1 00:00
        record(open(t0.plusSeconds(900)), t0.plusSeconds(900), listed(balance("b1", "80.00")));
        record(open(t0.plusSeconds(1200)), t0.plusSeconds(1200), listed(balance("b1", "70.00")));
        List<String> before = changes("b1");

        List<String> dropped = new JooqPartitionMaintenance(dsl, new JooqDailyRollup(dsl))
                .dropOlderThan(Instant.parse("2023-03-15T00:00:00Z"), 1);

        assertThat(dropped).contains("balance_run_2023_01");
        assertThat(before)
                .containsExactly(
                        "2023-01-31T23:55:00Z 100.0000 -> 2023-02-01T00:00:00Z 90.0000",
                        "2023-02-01T00:00:00Z 90.0000 -> 2023-02-01T00:05:00Z 80.0000",
                        "2023-02-01T00:05:00Z 80.0000 -> 2023-02-01T00:10:00Z 70.0000");
        assertThat(changes("b1")).as("after the January runs were dropped").isEqualTo(before);
    }

    private long open(Instant at) {
        return store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
    }

    private void record(long pollId, Instant at, FetchResult result) {
        store.recordSource(
                new SourcePollRecord(pollId, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result));
    }

    private BalanceObservation balance(String externalId, String amount) {
        return Fixtures.balance(source, externalId, amount, "USD");
    }

    private FetchResult.Fetched listed(BalanceObservation... balances) {
        return Fixtures.fetched(source, balances);
    }

    /** Balances read one by one: an account missing from the poll is not gone. */
    private FetchResult.Fetched partial(BalanceObservation... balances) {
        return new FetchResult.Fetched(source, List.of(balances), List.of(), List.of(), Set.of(), List.of());
    }

    private String id(String externalId) {
        return balance(externalId, "0").account().id().value();
    }

    /** analytics.balance_changes of the account: previous time and value, then time and value. */
    private List<String> changes(String externalId) {
        return dsl.fetch("""
                        SELECT previous_observed_at, previous_available, observed_at, available
                        FROM analytics.balance_changes WHERE account_id = ? ORDER BY observed_at
                        """, id(externalId))
                .map(r -> r.get(0, OffsetDateTime.class).toInstant() + " " + r.get(1, BigDecimal.class) + " -> "
                        + r.get(2, OffsetDateTime.class).toInstant() + " " + r.get(3, BigDecimal.class));
    }

    /** The closed runs of the account that began with a change: first sighting and the value before it carries. */
    private List<String> carried(String externalId) {
        return dsl.fetch("""
                        SELECT r.first_seen_at, r.previous_available
                        FROM balance_run r JOIN account a ON a.account_key = r.account_key
                        WHERE a.id = ? AND r.change_direction IS NOT NULL ORDER BY r.first_seen_at
                        """, id(externalId))
                .map(r -> r.get(0, OffsetDateTime.class).toInstant() + " "
                        + (r.get(1) == null ? "-" : r.get(1, BigDecimal.class).toString()));
    }
}
