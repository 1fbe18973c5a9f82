package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.port.out.SnapshotStore;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.service.PollSourcesService;
import com.balancehistory.application.testing.FakeBalanceProvider;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.application.testing.SnapshotStoreContract;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every snapshot store keeps, and what only the tables show: rollups, changes, gone accounts, bodies. */
class JooqSnapshotStoreIT extends SnapshotStoreContract {

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqSnapshotStore store = new JooqSnapshotStore(
            dsl, ChangeDetector.defaults().withMinimum(Money.parse("1000", "USD")), CardLimitTotals.none());
    private String source;

    @BeforeEach
    void uniqueSource() {
        source = "src-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected SnapshotStore store() {
        return store;
    }

    @Override
    protected StoredRun storedRun(long pollId) {
        Record run = dsl.fetchOne("SELECT finished_at, interrupted FROM poll_run WHERE id = ?", pollId);
        Map<String, StoredResult> sources = new LinkedHashMap<>();
        for (Record result : dsl.fetch(
                "SELECT source, outcome, error_text, rows_written FROM poll_source_result WHERE poll_id = ? "
                        + "ORDER BY source",
                pollId)) {
            sources.put(
                    result.get("source", String.class),
                    new StoredResult(
                            SourceOutcome.fromCode(result.get("outcome", String.class)),
                            Optional.ofNullable(result.get("error_text", String.class)),
                            result.get("rows_written", Integer.class)));
        }
        return new StoredRun(
                Optional.ofNullable(run.get("finished_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                run.get("interrupted", Boolean.class),
                sources);
    }

    @Test
    void records_balances_exactly_with_latest_value_and_daily_rollup() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        record(
                at,
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "b1", "45250.75", "USD"),
                        Fixtures.balance(source, "b2", "1000", "JPY")));

        Record latest = dsl.fetchOne(
                "SELECT available, currency FROM latest_balance WHERE account_id = ?", source + ".budget.b1");
        assertThat(latest.get("available", BigDecimal.class)).isEqualByComparingTo("45250.75");
        assertThat(latest.get("currency", String.class)).isEqualTo("USD");
        new JooqDailyRollup(dsl).rollUpCompletedDays(Instant.parse("2026-11-21T00:00:00Z"));
        Record daily = dsl.fetchOne(
                "SELECT day::text AS day, close_available, samples FROM daily_balance d"
                        + " JOIN account a ON a.account_key = d.account_key WHERE a.id = ?",
                source + ".budget.b2");
        assertThat(daily.get("day", String.class)).isEqualTo("2026-11-20");
        assertThat(daily.get("close_available", BigDecimal.class)).isEqualByComparingTo("1000");
        assertThat(daily.get("samples", Integer.class)).isEqualTo(1);
    }

    @Test
    void replaying_a_poll_writes_nothing_twice() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        long pollId = store.openPollRun(PollTrigger.ON_DEMAND, Optional.empty(), at);
        FetchResult.Fetched result = Fixtures.fetched(source, Fixtures.balance(source, "b1", "10.00", "EUR"));
        SourcePollRecord record =
                new SourcePollRecord(pollId, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result);

        assertThat(store.recordSource(record)).isEqualTo(1);
        assertThat(store.recordSource(record)).isZero();

        assertThat(count("balance_snapshot WHERE poll_id = " + pollId)).isEqualTo(1);
        assertThat(count("poll_source_result WHERE poll_id = " + pollId)).isEqualTo(1);
        assertThat(count("raw_response WHERE poll_id = " + pollId)).isEqualTo(1);
        assertThat(dsl.fetchOne(
                                "SELECT samples FROM analytics.daily_balances WHERE account_id = ?",
                                source + ".budget.b1")
                        .get(0, Integer.class))
                .isEqualTo(1);
    }

    @Test
    void records_change_events_between_consecutive_snapshots_with_significance() {
        record(
                Instant.parse("2026-11-20T10:00:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "10000.00", "USD")));
        record(
                Instant.parse("2026-11-20T10:05:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "9900.00", "USD")));
        record(
                Instant.parse("2026-11-20T10:10:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "9900.00", "USD")));
        record(
                Instant.parse("2026-11-20T10:15:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "8500.00", "USD")));

        List<Record> changes = dsl.fetch(
                "SELECT change, significant FROM analytics.balance_changes WHERE account_id = ? "
                        + "ORDER BY observed_at",
                source + ".budget.b1");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("change", BigDecimal.class)).isEqualByComparingTo("-100.00");
        assertThat(changes.get(0).get("significant", Boolean.class)).isFalse();
        assertThat(changes.get(1).get("change", BigDecimal.class)).isEqualByComparingTo("-1400.00");
        assertThat(changes.get(1).get("significant", Boolean.class)).isTrue();
        new JooqDailyRollup(dsl).rollUpCompletedDays(Instant.parse("2026-11-21T00:00:00Z"));
        Record daily = dsl.fetchOne(
                "SELECT open_available, close_available, min_available, max_available, samples "
                        + "FROM daily_balance d JOIN account a ON a.account_key = d.account_key WHERE a.id = ?",
                source + ".budget.b1");
        assertThat(daily.get("open_available", BigDecimal.class)).isEqualByComparingTo("10000");
        assertThat(daily.get("close_available", BigDecimal.class)).isEqualByComparingTo("8500");
        assertThat(daily.get("min_available", BigDecimal.class)).isEqualByComparingTo("8500");
        assertThat(daily.get("max_available", BigDecimal.class)).isEqualByComparingTo("10000");
        assertThat(daily.get("samples", Integer.class)).isEqualTo(4);
    }

    @Test
    void an_account_missing_from_a_full_listing_is_marked_gone_not_deleted_and_renames_are_kept() {
        record(
                Instant.parse("2026-11-20T10:00:00Z"),
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "b1", "1.00", "USD"),
                        Fixtures.balance(source, "b2", "2.00", "USD")));
        var renamed = new com.balancehistory.domain.account.BalanceObservation(
                Fixtures.budget(source, "b1", "Renamed", "USD"),
                com.balancehistory.domain.account.Balances.available(
                        com.balancehistory.domain.money.Money.parse("1.00", "USD")),
                Optional.empty());
        record(Instant.parse("2026-11-20T11:00:00Z"), Fixtures.fetched(source, renamed));

        assertThat(dsl.fetchValue("SELECT gone_at IS NOT NULL FROM account WHERE id = ?", source + ".budget.b2"))
                .isEqualTo(true);
        assertThat(dsl.fetchValue("SELECT gone_at IS NULL FROM account WHERE id = ?", source + ".budget.b1"))
                .isEqualTo(true);
        assertThat(dsl.fetch(
                                "SELECT name FROM account_name WHERE account_id = ? ORDER BY seen_from",
                                source + ".budget.b1")
                        .getValues("name", String.class))
                .containsExactly("Budget b1", "Renamed");
    }

    @Test
    void an_account_marked_gone_by_another_instance_comes_back_when_this_instance_sees_it_again() {
        JooqSnapshotStore otherInstance = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        record(
                Instant.parse("2026-11-20T10:00:00Z"),
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "b1", "1.00", "USD"),
                        Fixtures.balance(source, "b2", "2.00", "USD")));
        long pollId = otherInstance.openPollRun(
                PollTrigger.SCHEDULE, Optional.empty(), Instant.parse("2026-11-20T10:05:00Z"));
        otherInstance.recordSource(new SourcePollRecord(
                pollId,
                source,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                Instant.parse("2026-11-20T10:05:00Z"),
                Instant.parse("2026-11-20T10:05:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "1.00", "USD"))));
        assertThat(dsl.fetchOne("SELECT gone_at IS NOT NULL FROM account WHERE id = ?", source + ".budget.b2")
                        .get(0, Boolean.class))
                .isTrue();

        record(
                Instant.parse("2026-11-20T10:10:00Z"),
                Fixtures.fetched(
                        source,
                        Fixtures.balance(source, "b1", "1.00", "USD"),
                        Fixtures.balance(source, "b2", "2.00", "USD")));

        assertThat(dsl.fetchOne("SELECT gone_at IS NULL FROM account WHERE id = ?", source + ".budget.b2")
                        .get(0, Boolean.class))
                .isTrue();
    }

    @Test
    void records_card_limits_per_period() {
        FetchResult.Fetched result = new FetchResult.Fetched(
                source,
                List.of(),
                List.of(Fixtures.cardLimits(source, "card1", "1500.00", "5000.00", "18000.00", "95000.00")),
                List.of(),
                Set.of(),
                List.of());
        record(Instant.parse("2026-11-20T10:00:00Z"), result);

        assertThat(dsl.fetch(
                                "SELECT period, remaining FROM latest_card_limit WHERE account_id = ? ORDER BY period",
                                source + ".card-limit.card1")
                        .intoMap(r -> r.get("period", String.class), r -> r.get("remaining", BigDecimal.class)))
                .containsEntry("daily", new BigDecimal("1500.0000"))
                .containsEntry("lifetime", new BigDecimal("95000.0000"))
                .hasSize(4);
    }

    @Test
    void snapshots_are_append_only() {
        record(
                Instant.parse("2026-11-20T10:00:00Z"),
                Fixtures.fetched(source, Fixtures.balance(source, "b1", "5.00", "USD")));

        assertThatThrownBy(() -> dsl.execute(
                        "UPDATE balance_snapshot SET available = 0 WHERE account_id = ?", source + ".budget.b1"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> dsl.execute("DELETE FROM balance_snapshot WHERE account_id = ?", source + ".budget.b1"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        for (String cardLimitHistory : List.of("card_limit_run", "card_limit_late_snapshot")) {
            assertThatThrownBy(() -> dsl.execute("UPDATE " + cardLimitHistory + " SET remaining = 0"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(dsl.fetchValue("SELECT available FROM balance_snapshot WHERE account_id = ?", source + ".budget.b1"))
                .isEqualTo(new BigDecimal("5.0000"));
    }

    @Test
    void a_failing_source_beside_healthy_ones_loses_nothing_and_is_recorded_as_a_gap() {
        String healthy = source + "-ok";
        String broken = source + "-down";
        var ok = new FakeBalanceProvider(healthy, ProviderType.AHRVO)
                .otherwise(() -> Fixtures.fetched(healthy, Fixtures.balance(healthy, "b1", "100.00", "USD")));
        var down = new FakeBalanceProvider(broken, ProviderType.GRANTEX)
                .otherwise(() -> Fixtures.failed(broken, FailureKind.UNAVAILABLE, "HTTP 503 after 3 attempts"));
        var throwing = new FakeBalanceProvider(source + "-bug", ProviderType.HOLYHELD).otherwise(() -> {
            throw new IllegalStateException("bug");
        });
        PollSourcesService polls = new PollSourcesService(
                List.of(ok, down, throwing),
                store,
                Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC),
                Executors.newFixedThreadPool(3));

        PollRunSummary run = polls.pollNow(Optional.empty(), PollTrigger.SCHEDULE);

        assertThat(run.sources())
                .extracting(PollRunSummary.SourceResult::outcome)
                .containsExactly(SourceOutcome.OK, SourceOutcome.FAILED, SourceOutcome.FAILED);
        assertThat(count("balance_snapshot WHERE poll_id = " + run.id())).isEqualTo(1);
        assertThat(dsl.fetchValue(
                        "SELECT error_text FROM poll_source_result WHERE poll_id = ? AND source = ?", run.id(), broken))
                .asString()
                .contains("UNAVAILABLE", "HTTP 503");
        assertThat(dsl.fetchValue("SELECT finished_at IS NOT NULL FROM poll_run WHERE id = ?", run.id()))
                .isEqualTo(true);
        assertThat(count("raw_response WHERE poll_id = " + run.id() + " AND source = '" + broken + "'"))
                .isEqualTo(1);
    }

    @Test
    void a_large_non_json_body_is_stored_cut_with_its_length_and_hash_and_the_poll_is_recorded_as_failed() {
        String body = "<html>" + "x".repeat(1_500_000 - 13) + "</html>";
        var huge = new FakeBalanceProvider(source, ProviderType.GRANTEX)
                .otherwise(() -> new FetchResult.Failed(
                        source,
                        FetchFailure.ofSource("GET /budgets", FailureKind.MALFORMED_RESPONSE, "expected a JSON object"),
                        List.of(new RawResponse("GET /budgets", 200, body))));
        PollSourcesService polls = new PollSourcesService(
                List.of(huge),
                store,
                Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC),
                Executors.newFixedThreadPool(1));

        PollRunSummary run = polls.pollNow(Optional.empty(), PollTrigger.SCHEDULE);

        assertThat(run.sources()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(SourceOutcome.FAILED);
            assertThat(s.error())
                    .hasValueSatisfying(e ->
                            assertThat(e).contains("expected a JSON object").hasSizeLessThan(300));
        });
        assertThat(dsl.fetchValue("SELECT outcome FROM poll_source_result WHERE poll_id = ?", run.id()))
                .isEqualTo("failed");
        Record raw = dsl.fetchOne(
                "SELECT body, body_text, body_length, body_sha256, body_truncated FROM raw_response "
                        + "WHERE poll_id = ?",
                run.id());
        assertThat(raw.get("body_length", Integer.class)).isEqualTo(1_500_000);
        assertThat(raw.get("body_sha256", String.class)).isEqualTo(sha256(body));
        assertThat(raw.get("body_truncated", Boolean.class)).isTrue();
        assertThat(raw.get("body")).isNull();
        assertThat(raw.get("body_text", String.class))
                .hasSize(RawBodies.MAX_STORED_CHARS)
                .startsWith("<html>xxx");
    }

    @Test
    void an_identical_body_of_a_source_and_endpoint_is_stored_once_and_every_poll_keeps_its_receipt() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        long first = recordRaw(
                at,
                new RawResponse("GET /budgets", 200, "{\"items\": [1, 2]}"),
                new RawResponse("GET /cards", 200, "{\"items\": [1, 2]}"));
        long second = recordRaw(at.plusSeconds(300), new RawResponse("GET /budgets", 200, "{\"items\": [1, 2]}"));
        long third = recordRaw(at.plusSeconds(600), new RawResponse("GET /budgets", 200, "{\"items\": [1, 3]}"));

        assertThat(count("raw_receipt WHERE source = '" + source + "'")).isEqualTo(4);
        assertThat(count("raw_body WHERE source = '" + source + "' AND endpoint = 'GET /budgets'"))
                .isEqualTo(2);
        assertThat(count("raw_body WHERE source = '" + source + "' AND endpoint = 'GET /cards'"))
                .isEqualTo(1);
        for (long poll : List.of(first, second)) {
            assertThat(dsl.fetchValue(
                            "SELECT body->>'items' FROM raw_response WHERE poll_id = ? "
                                    + "AND endpoint = 'GET /budgets'",
                            poll))
                    .isEqualTo("[1, 2]");
        }
        assertThat(dsl.fetchValue("SELECT body->>'items' FROM raw_response WHERE poll_id = ?", third))
                .isEqualTo("[1, 3]");
    }

    private long recordRaw(Instant at, RawResponse... responses) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        store.recordSource(new SourcePollRecord(
                pollId,
                source,
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                at,
                at,
                new FetchResult.Fetched(
                        source,
                        List.of(Fixtures.balance(source, "b1", "1.00", "USD")),
                        List.of(),
                        List.of(),
                        Set.of(),
                        List.of(responses))));
        return pollId;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void record(Instant at, FetchResult result) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        store.recordSource(
                new SourcePollRecord(pollId, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }

    private int count(String fromWhere) {
        return dsl.fetchOne("SELECT count(*) FROM " + fromWhere).get(0, Integer.class);
    }
}
