package com.balancehistory.adapters.persistence.query;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.AccountAsOf;
import com.balancehistory.application.model.query.AsOfBalance;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.port.out.query.AsOfBalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.Labels;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Balances as of a time from PostgreSQL, through the one as-of query ({@link AsOfBalances}): account filters
 * (provider, source, kind, currency, text, labels as they held then) narrow the accounts before it runs; staleness at
 * as-of, order and page apply to its rows.
 */
public final class JooqAsOfBalanceReadModel implements AsOfBalanceReadModel {

    private static final Field<Integer> TOTAL = DSL.count().over().as("total");

    private final DSLContext dsl;

    public JooqAsOfBalanceReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public AsOfRows balancesAsOf(Instant asOf, BalanceSelection selection) {
        Table<Record> table = AsOfBalances.at(asOf, accounts(selection, asOf));
        List<Field<?>> fields = new ArrayList<>(AsOfBalances.FIELDS);
        fields.add(TOTAL);
        Condition stale = selection
                .stale()
                .map(wanted -> {
                    Condition isStale = AsOfBalances.OBSERVED_AT.lt(
                            QueryRows.staleCutoff(AsOfBalances.SOURCE, selection.cutoffs()));
                    return wanted ? isStale : DSL.not(isStale);
                })
                .orElse(DSL.noCondition());
        var result = KeptPlan.run(
                dsl,
                db -> db.select(fields)
                        .from(table)
                        .where(stale)
                        .orderBy(order(selection))
                        .limit(selection.limit())
                        .offset(selection.offset())
                        .fetch());
        long total;
        if (!result.isEmpty()) {
            total = result.get(0).get(TOTAL);
        } else if (selection.offset() == 0) {
            total = 0;
        } else {
            total = KeptPlan.run(
                    dsl, db -> db.fetchCount(db.selectOne().from(table).where(stale)));
        }
        List<AsOfBalance> rows = result.map(row -> AsOfBalances.balance(asOf, row));
        return new AsOfRows(withLabels(rows, asOf), total);
    }

    @Override
    public List<AsOfBalance> allBalancesAsOf(Instant asOf) {
        List<AsOfBalance> rows = KeptPlan.run(
                dsl,
                db -> db.select(AsOfBalances.FIELDS)
                        .from(AsOfBalances.at(asOf, DSL.noCondition()))
                        .orderBy(AsOfBalances.ACCOUNT_ID)
                        .fetch(row -> AsOfBalances.balance(asOf, row)));
        return attach(rows, AccountLabelsReader.all(dsl, Optional.of(asOf)));
    }

    @Override
    public AccountAsOf balanceAsOf(AccountId account, Instant asOf) {
        Optional<OffsetDateTime> firstSeen = dsl.select(DSL.field(DSL.name("a", "first_seen_at"), OffsetDateTime.class))
                .from(DSL.table(DSL.name("account")).as("a"))
                .join(DSL.table(DSL.name("latest_balance")).as("l"))
                .on(DSL.field(DSL.name("l", "account_id"), String.class).eq(AsOfBalances.A_ID))
                .where(AsOfBalances.A_ID.eq(account.value()))
                .fetchOptional(0, OffsetDateTime.class);
        if (firstSeen.isEmpty()) {
            return new AccountAsOf.Unknown();
        }
        if (firstSeen.get().toInstant().isAfter(asOf)) {
            return new AccountAsOf.FirstSeenLater(firstSeen.get().toInstant());
        }
        List<AsOfBalance> rows = KeptPlan.run(
                dsl,
                db -> db.select(AsOfBalances.FIELDS)
                        .from(AsOfBalances.at(asOf, AsOfBalances.A_ID.eq(account.value())))
                        .fetch(row -> AsOfBalances.balance(asOf, row)));
        if (rows.isEmpty()) {
            return new AccountAsOf.Unknown();
        }
        return new AccountAsOf.Observed(withLabels(rows, asOf).get(0));
    }

    /**
     * One index probe per source: its newest poll at or before the time, skipped ones aside (a slot that was not
     * polled, such as one missed while the database was down, records no interval).
     */
    @Override
    public Map<String, Duration> pollIntervalsAt(Instant asOf) {
        Map<String, Duration> intervals = new LinkedHashMap<>();
        dsl.resultQuery(
                        """
                        SELECT p.source, r.poll_interval_millis
                        FROM source_balance_poll p
                        CROSS JOIN LATERAL (SELECT r.poll_interval_millis
                                            FROM poll_source_result r
                                            WHERE r.source = p.source AND r.finished_at <= {0}
                                              AND r.outcome <> {1}
                                            ORDER BY r.finished_at DESC, r.poll_id DESC
                                            LIMIT 1) r
                        WHERE r.poll_interval_millis IS NOT NULL""",
                        DSL.val(QueryRows.utc(asOf.truncatedTo(ChronoUnit.MICROS))),
                        DSL.inline(SourceOutcome.SKIPPED.code()))
                .forEach(row -> intervals.put(row.get(0, String.class), Duration.ofMillis(row.get(1, Long.class))));
        return intervals;
    }

    /**
     * One time at a time: each time's rows are read whole (one set-based query, about 10,000 rows at 10,000 accounts,
     * JIT off as everywhere here) when the rows of the time before are used up, so memory holds one time's rows and no
     * connection is held while the client reads.
     */
    @Override
    public RowCursor<AsOfBalance> streamBalancesAsOf(List<Instant> times, List<Label> labels) {
        Iterator<Instant> remaining = List.copyOf(times).iterator();
        return new RowCursor<>() {
            private Iterator<AsOfBalance> rows = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext() && remaining.hasNext()) {
                    Instant asOf = remaining.next();
                    Condition accounts = AccountLabelsReader.hasAll(AsOfBalances.A_ID, labels, Optional.of(asOf));
                    List<AsOfBalance> read = KeptPlan.run(
                            dsl,
                            db -> db.select(AsOfBalances.FIELDS)
                                    .from(AsOfBalances.at(asOf, accounts))
                                    .orderBy(AsOfBalances.ACCOUNT_ID)
                                    .fetch(row -> AsOfBalances.balance(asOf, row)));
                    rows = attach(read, AccountLabelsReader.all(dsl, Optional.of(asOf)))
                            .iterator();
                }
                return rows.hasNext();
            }

            @Override
            public AsOfBalance next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }

            @Override
            public void close() {
                rows = Collections.emptyIterator();
                while (remaining.hasNext()) {
                    remaining.next();
                }
            }
        };
    }

    private static Condition accounts(BalanceSelection selection, Instant asOf) {
        List<Condition> conditions = new ArrayList<>();
        selection.provider().ifPresent(p -> conditions.add(AsOfBalances.A_PROVIDER.eq(p)));
        selection.source().ifPresent(s -> conditions.add(AsOfBalances.A_SOURCE.eq(s)));
        selection.kind().ifPresent(k -> conditions.add(AsOfBalances.A_KIND.eq(k)));
        selection.currency().ifPresent(c -> conditions.add(AsOfBalances.A_CURRENCY.eq(c)));
        selection
                .text()
                .ifPresent(text -> conditions.add(
                        AsOfBalances.A_NAME.containsIgnoreCase(text).or(AsOfBalances.A_ID.containsIgnoreCase(text))));
        if (!selection.labels().isEmpty()) {
            conditions.add(AccountLabelsReader.hasAll(AsOfBalances.A_ID, selection.labels(), Optional.of(asOf)));
        }
        return DSL.and(conditions);
    }

    private static List<SortField<?>> order(BalanceSelection selection) {
        Field<?> key = switch (selection.sort()) {
            case NAME -> DSL.lower(AsOfBalances.NAME);
            case AVAILABLE -> AsOfBalances.AVAILABLE;
            case OBSERVED_AT -> AsOfBalances.OBSERVED_AT;
        };
        Field<String> id = AsOfBalances.ACCOUNT_ID;
        return selection.descending() ? List.of(key.desc(), id.desc()) : List.of(key.asc(), id.asc());
    }

    private List<AsOfBalance> withLabels(List<AsOfBalance> rows, Instant asOf) {
        return attach(
                rows,
                AccountLabelsReader.of(
                        dsl,
                        rows.stream()
                                .map(r -> r.observed().account().id().value())
                                .toList(),
                        Optional.of(asOf)));
    }

    private static List<AsOfBalance> attach(List<AsOfBalance> rows, Map<String, Labels> labels) {
        if (labels.isEmpty()) {
            return rows;
        }
        List<AsOfBalance> labelled = new ArrayList<>(rows.size());
        for (AsOfBalance row : rows) {
            Labels of = labels.get(row.observed().account().id().value());
            labelled.add(of == null ? row : withLabels(row, of));
        }
        return labelled;
    }

    private static AsOfBalance withLabels(AsOfBalance row, Labels labels) {
        if (labels.equals(Labels.NONE)) {
            return row;
        }
        LatestBalance observed = row.observed();
        return new AsOfBalance(
                row.asOf(),
                new LatestBalance(
                        observed.account().withLabels(labels),
                        observed.balances(),
                        observed.observedAt(),
                        observed.providerAsOf(),
                        observed.goneAt()),
                row.pollId(),
                row.lastPollFailedAt());
    }
}
