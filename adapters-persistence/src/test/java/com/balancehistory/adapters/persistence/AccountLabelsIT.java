package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Label history as recording writes it (only changes, with validity) and the two label questions of docs/sql.md run
 * as the analyst over known data: the month-end total per department and currency, and the departments whose
 * remaining daily card capacity fell under 20 % last week.
 */
class AccountLabelsIT {

    private static final String SOURCE = "labels-src";
    private static final DSLContext dsl = PersistenceTestSupport.dsl();
    /** A Wednesday noon of last week (UTC), inside "last week" in any session time zone. */
    private static final Instant LAST_WEEK = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusDays(5)
            .atTime(12, 0)
            .toInstant(ZoneOffset.UTC);

    @BeforeAll
    static void seed() {
        if (dsl.fetchOne("SELECT count(*) FROM account WHERE source = ?", SOURCE)
                        .get(0, Integer.class)
                > 0) {
            return;
        }
        JooqSnapshotStore store = new JooqSnapshotStore(
                dsl,
                ChangeDetector.defaults(),
                card -> Map.of(LimitPeriod.DAILY, Money.parse("100.00", card.currency())));
        record(
                store,
                Instant.parse("2026-11-10T09:00:00Z"),
                List.of(
                        labelled(Fixtures.balance(SOURCE, "a", "100.00", "USD"), "Marketing"),
                        labelled(Fixtures.balance(SOURCE, "b", "50.00", "USD"), "Sales"),
                        Fixtures.balance(SOURCE, "c", "70.00", "EUR")),
                List.of());
        // a relabel: a moves to Sales; b and c unchanged (no label row may be written for them)
        record(
                store,
                Instant.parse("2026-11-20T09:00:00Z"),
                List.of(
                        labelled(Fixtures.balance(SOURCE, "a", "100.00", "USD"), "Sales"),
                        labelled(Fixtures.balance(SOURCE, "b", "50.00", "USD"), "Sales"),
                        Fixtures.balance(SOURCE, "c", "70.00", "EUR")),
                List.of());
        record(
                store,
                Instant.parse("2026-11-25T09:00:00Z"),
                List.of(
                        labelled(Fixtures.balance(SOURCE, "a", "150.00", "USD"), "Sales"),
                        labelled(Fixtures.balance(SOURCE, "b", "50.00", "USD"), "Sales"),
                        Fixtures.balance(SOURCE, "c", "70.00", "EUR")),
                List.of());
        record(
                store,
                LAST_WEEK,
                List.of(),
                List.of(
                        labelled(Fixtures.cardLimits(SOURCE, "ops-card", "15.00", "50", "50", "50"), "Ops"),
                        labelled(Fixtures.cardLimits(SOURCE, "eng-card", "50.00", "50", "50", "50"), "Eng")));
    }

    @Test
    void a_relabel_closes_the_old_value_and_opens_the_new_one_at_the_poll_that_saw_it() {
        Result<Record> rows = dsl.fetch("""
                SELECT account_id, value, valid_from, valid_to FROM analytics.account_labels
                WHERE account_id LIKE ? AND key = 'department' ORDER BY account_id, valid_from""", SOURCE + ".%");
        assertThat(rows)
                .extracting(r -> r.get("account_id", String.class).replace(SOURCE + ".budget.", "") + " "
                        + r.get("value", String.class) + " " + instant(r, "valid_from") + " " + instant(r, "valid_to"))
                .contains(
                        "a Marketing 2026-11-10T09:00:00Z 2026-11-20T09:00:00Z",
                        "a Sales 2026-11-20T09:00:00Z null",
                        "b Sales 2026-11-10T09:00:00Z null");
        assertThat(dsl.fetchOne("SELECT count(*) FROM account_label WHERE account_id LIKE ?", SOURCE + ".%")
                        .get(0, Integer.class))
                .as("one row per value held, none for polls that changed nothing")
                .isEqualTo(5);
    }

    @Test
    void the_month_end_total_per_department_uses_the_labels_of_month_end() throws IOException {
        Result<Record> rows = asAnalyst(documented("WITH month_end"));
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.get("department", String.class) + " " + r.get("currency", String.class) + " "
                + r.get("accounts", Integer.class) + " "
                + r.get("total", java.math.BigDecimal.class).toPlainString()));
        assertThat(lines).contains("Sales USD 2 200.0000").noneMatch(line -> line.startsWith("Marketing"));
        assertThat(lines).anyMatch(line -> line.startsWith("(unlabelled) EUR"));
    }

    @Test
    void departments_under_20_percent_of_daily_card_capacity_last_week_are_listed() throws IOException {
        Result<Record> rows = asAnalyst(documented("remaining_percent"));
        assertThat(rows)
                .extracting(r -> r.get("department", String.class) + " " + r.get("currency", String.class) + " "
                        + r.get("remaining_percent", java.math.BigDecimal.class).toPlainString())
                .containsExactly("Ops USD 15.00");
    }

    private static Result<Record> asAnalyst(String query) {
        return dsl.transactionResult(tx -> {
            DSLContext analyst = DSL.using(tx);
            analyst.execute("SET LOCAL ROLE balance_analyst");
            analyst.execute("SET LOCAL search_path = analytics");
            return analyst.fetch(query);
        });
    }

    /** The one query of docs/sql.md that contains {@code marker}. */
    private static String documented(String marker) throws IOException {
        Matcher blocks = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "docs", "sql.md")));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            String sql = blocks.group(1).strip();
            if (sql.contains(marker) && sql.contains("account_labels")) {
                found.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            }
        }
        assertThat(found).as("queries with " + marker).hasSize(1);
        return found.get(0);
    }

    private static String instant(Record r, String field) {
        java.time.OffsetDateTime time = r.get(field, java.time.OffsetDateTime.class);
        return time == null ? "null" : time.toInstant().toString();
    }

    private static BalanceObservation labelled(BalanceObservation observation, String department) {
        return new BalanceObservation(
                observation.account().withLabels(Labels.of(Map.of("department", department))),
                observation.balances(),
                observation.providerAsOf());
    }

    private static CardLimitObservation labelled(CardLimitObservation observation, String department) {
        return new CardLimitObservation(
                observation.card().withLabels(Labels.of(Map.of("department", department))), observation.remaining());
    }

    private static void record(
            JooqSnapshotStore store, Instant at, List<BalanceObservation> balances, List<CardLimitObservation> cards) {
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        FetchResult result = new FetchResult.Fetched(SOURCE, balances, cards, List.of(), Set.of(), List.of());
        store.recordSource(
                new SourcePollRecord(pollId, SOURCE, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }
}
