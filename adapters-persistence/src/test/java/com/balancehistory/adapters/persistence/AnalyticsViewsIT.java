package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysts' contract: the views and the role, and every query in docs/sql.md. */
class AnalyticsViewsIT {

    private static final String SOURCE = "analytics-src";
    private static final DSLContext dsl = PersistenceTestSupport.dsl();

    @BeforeAll
    static void seedHistory() {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        if (dsl.fetchOne("SELECT count(*) FROM account WHERE source = ?", SOURCE)
                        .get(0, Integer.class)
                > 0) {
            return;
        }
        record(
                store,
                Instant.parse("2026-11-01T09:00:00Z"),
                Fixtures.fetched(
                        SOURCE,
                        Fixtures.balance(SOURCE, "mkt", "45250.75", "USD"),
                        Fixtures.balance(SOURCE, "eu", "900.00", "EUR")));
        record(
                store,
                Instant.parse("2026-11-02T09:00:00Z"),
                Fixtures.fetched(
                        SOURCE,
                        Fixtures.balance(SOURCE, "mkt", "40000.00", "USD"),
                        Fixtures.balance(SOURCE, "eu", "850.00", "EUR")));
        record(
                store,
                Instant.parse("2026-11-03T09:00:00Z"),
                Fixtures.failed(SOURCE, FailureKind.UNAVAILABLE, "HTTP 503"));
        record(
                store,
                Instant.parse("2026-11-04T09:00:00Z"),
                new FetchResult.Fetched(
                        SOURCE,
                        List.of(
                                Fixtures.balance(SOURCE, "mkt", "39000.00", "USD"),
                                Fixtures.balance(SOURCE, "eu", "850.00", "EUR")),
                        List.of(Fixtures.cardLimits(SOURCE, "card1", "1500.00", "5000.00", "18000.00", "95000.00")),
                        List.of(),
                        Set.of(),
                        List.of()));
    }

    @Test
    void snapshots_view_has_one_readable_row_per_account_per_successful_poll() {
        List<Record> rows = dsl.fetch(
                "SELECT * FROM analytics.snapshots WHERE source = ? AND account_id LIKE '%mkt' "
                        + "ORDER BY observed_at",
                SOURCE);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("available", BigDecimal.class)).isEqualByComparingTo("45250.75");
        assertThat(rows.get(0).get("currency", String.class)).isEqualTo("USD");
        assertThat(rows.get(0).get("kind", String.class)).isEqualTo("budget");
        assertThat(rows.get(0).get("provider", String.class)).isEqualTo("ahrvo");
    }

    @Test
    void poll_runs_view_shows_failures_as_gaps() {
        List<Record> rows = dsl.fetch(
                "SELECT outcome, error_text, rows_written FROM analytics.poll_runs "
                        + "WHERE source = ? ORDER BY started_at",
                SOURCE);
        assertThat(rows).extracting(r -> r.get("outcome", String.class)).containsExactly("ok", "ok", "failed", "ok");
        assertThat(rows.get(2).get("error_text", String.class)).contains("HTTP 503");
        assertThat(rows.get(2).get("rows_written", Integer.class)).isZero();
    }

    @Test
    void latest_daily_changes_and_card_limit_views_agree_with_the_history() {
        assertThat(dsl.fetchOne(
                                "SELECT available FROM analytics.latest_balances WHERE account_id = ?",
                                SOURCE + ".budget.mkt")
                        .get(0, BigDecimal.class))
                .isEqualByComparingTo("39000.00");
        assertThat(dsl.fetchOne(
                                "SELECT count(*) FROM analytics.daily_balances WHERE account_id = ?",
                                SOURCE + ".budget.mkt")
                        .get(0, Integer.class))
                .isEqualTo(3);
        assertThat(dsl.fetch(
                                "SELECT change FROM analytics.balance_changes WHERE account_id = ? ORDER BY observed_at",
                                SOURCE + ".budget.mkt")
                        .getValues(0, BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-5250.75"), new BigDecimal("-1000.00"));
        assertThat(dsl.fetchOne("SELECT remaining FROM analytics.card_limits WHERE card_id = 'card1' "
                                + "AND period = 'weekly'")
                        .get(0, BigDecimal.class))
                .isEqualByComparingTo("5000.00");
    }

    @Test
    void every_view_and_column_is_documented() {
        assertThat(dsl.fetchOne("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'analytics' AND c.relkind = 'v' AND obj_description(c.oid, 'pg_class') IS NULL
                """).get(0, Integer.class)).isZero();
        assertThat(dsl.fetch("""
                SELECT c.relname || '.' || a.attname FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'analytics' AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NULL
                """).getValues(0, String.class)).isEmpty();
        assertThat(dsl.fetchOne("SELECT count(*) FROM pg_views WHERE schemaname = 'analytics'")
                        .get(0, Integer.class))
                .isEqualTo(8);
    }

    @Test
    void the_analyst_role_reads_analytics_only_and_writes_nothing() {
        dsl.transaction(tx -> {
            DSLContext analyst = org.jooq.impl.DSL.using(tx);
            analyst.execute("SET LOCAL ROLE balance_analyst");
            assertThat(analyst.fetchOne("SELECT count(*) FROM analytics.snapshots")
                            .get(0, Integer.class))
                    .isPositive();
            analyst.execute("SAVEPOINT probe");
            assertThatThrownBy(() -> analyst.execute("SELECT * FROM public.balance_snapshot"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("permission denied");
            analyst.execute("ROLLBACK TO SAVEPOINT probe");
            assertThatThrownBy(() -> analyst.execute(
                            "INSERT INTO poll_run (trigger, started_at) " + "VALUES ('on_demand', now())"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("permission denied");
            analyst.execute("ROLLBACK TO SAVEPOINT probe");
            assertThatThrownBy(() -> analyst.execute("CREATE TEMPORARY TABLE scratch (x int)"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("permission denied");
            analyst.execute("ROLLBACK TO SAVEPOINT probe");
            assertThatThrownBy(() -> analyst.execute("CREATE VIEW analytics.mine AS SELECT 1"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("permission denied");
            analyst.execute("ROLLBACK TO SAVEPOINT probe");
        });
        List<String> settings = dsl.fetch("""
                SELECT unnest(s.setconfig) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
                WHERE r.rolname = 'balance_analyst'
                """).getValues(0, String.class);
        assertThat(settings).contains("statement_timeout=30s", "default_transaction_read_only=on");
    }

    @Test
    void every_query_in_docs_sql_runs_as_the_analyst() throws IOException {
        List<String> queries = documentedQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        for (String query : queries) {
            dsl.transaction(tx -> {
                DSLContext analyst = org.jooq.impl.DSL.using(tx);
                analyst.execute("SET LOCAL ROLE balance_analyst");
                analyst.execute("SET LOCAL search_path = analytics");
                analyst.fetch(query);
            });
        }
    }

    private static List<String> documentedQueries() throws IOException {
        Path doc = Path.of("..", "docs", "sql.md");
        Matcher blocks = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            String sql = blocks.group(1).strip();
            if (sql.startsWith("SELECT") || sql.startsWith("WITH")) {
                queries.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            }
        }
        return queries;
    }

    private static void record(JooqSnapshotStore store, Instant at, FetchResult result) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        SourceOutcome outcome = result instanceof FetchResult.Failed ? SourceOutcome.FAILED : SourceOutcome.OK;
        Optional<String> error = result instanceof FetchResult.Failed failed
                ? Optional.of(failed.failure().describe())
                : Optional.empty();
        store.recordSource(new SourcePollRecord(pollId, SOURCE, "ahrvo", outcome, error, at, at, result));
        store.finishPollRun(pollId, at);
    }
}
