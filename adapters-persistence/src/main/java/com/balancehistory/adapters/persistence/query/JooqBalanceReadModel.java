package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.LATEST_BALANCE;
import static com.balancehistory.db.jooq.Tables.POLL_SOURCE_RESULT;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.TopUpEvent;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.application.port.out.query.TrendSamples;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.CurrencyCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Latest balances, snapshots and failed polls from PostgreSQL. Filtering, staleness, sorting and paging of the list
 * happen in SQL; bucket aggregates are made from the account's runs and its source's sightings over boundaries
 * computed by the caller, so calendar and daylight-saving rules live in one place (Java's zone rules).
 */
public final class JooqBalanceReadModel implements BalanceReadModel {

    /** One account's latest balance, rendered once: it runs on every balance request, and rendering took longer. */
    private static final String LATEST_OF_ONE = DSL.using(SQLDialect.POSTGRES)
            .select(QueryRows.LATEST_FIELDS)
            .from(QueryRows.LATEST_WITH_SOURCE_POLL)
            .where(LATEST_BALANCE.ACCOUNT_ID.eq(""))
            .getSQL();

    /** The change direction of an increase beyond the noise (V17). */
    static final String TOP_UP = "top-up";

    private final DSLContext dsl;

    public JooqBalanceReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public BalanceRows latestBalances(BalanceSelection selection) {
        Condition where = conditions(selection);
        long total = dsl.fetchCount(
                dsl.select().from(QueryRows.LATEST_WITH_SOURCE_POLL).where(where));
        List<LatestBalance> rows = QueryRows.fetchLatest(
                dsl,
                dsl.select(QueryRows.LATEST_FIELDS)
                        .from(QueryRows.LATEST_WITH_SOURCE_POLL)
                        .where(where)
                        .orderBy(order(selection))
                        .limit(selection.limit())
                        .offset(selection.offset()));
        rows = AccountLabelsReader.attach(
                rows,
                AccountLabelsReader.current(
                        dsl, rows.stream().map(r -> r.account().id().value()).toList()));
        return new BalanceRows(rows, total);
    }

    private static Condition conditions(BalanceSelection selection) {
        List<Condition> conditions = new ArrayList<>();
        selection.provider().ifPresent(p -> conditions.add(LATEST_BALANCE.PROVIDER.eq(p)));
        selection.source().ifPresent(s -> conditions.add(LATEST_BALANCE.SOURCE.eq(s)));
        selection.kind().ifPresent(k -> conditions.add(LATEST_BALANCE.KIND.eq(k)));
        selection.currency().ifPresent(c -> conditions.add(LATEST_BALANCE.CURRENCY.eq(c)));
        selection
                .text()
                .ifPresent(text -> conditions.add(LATEST_BALANCE
                        .NAME
                        .containsIgnoreCase(text)
                        .or(LATEST_BALANCE.ACCOUNT_ID.containsIgnoreCase(text))));
        if (!selection.labels().isEmpty()) {
            conditions.add(AccountLabelsReader.hasAll(LATEST_BALANCE.ACCOUNT_ID, selection.labels(), Optional.empty()));
        }
        selection.stale().ifPresent(stale -> {
            Condition isStale =
                    QueryRows.LATEST_OBSERVED_AT.lt(QueryRows.staleCutoff(LATEST_BALANCE.SOURCE, selection.cutoffs()));
            conditions.add(stale ? isStale : DSL.not(isStale));
        });
        return DSL.and(conditions);
    }

    private static List<SortField<?>> order(BalanceSelection selection) {
        Field<?> key = switch (selection.sort()) {
            case NAME -> DSL.lower(LATEST_BALANCE.NAME);
            case AVAILABLE -> LATEST_BALANCE.AVAILABLE;
            case OBSERVED_AT -> QueryRows.LATEST_OBSERVED_AT;
        };
        Field<String> id = LATEST_BALANCE.ACCOUNT_ID;
        return selection.descending() ? List.of(key.desc(), id.desc()) : List.of(key.asc(), id.asc());
    }

    /** In the order PostgreSQL reads them: ordering cost more than the read at 10,000 accounts, and no caller needs it. */
    @Override
    public List<LatestBalance> allLatestBalances() {
        return AccountLabelsReader.attach(
                QueryRows.fetchAllLatest(dsl), AccountLabelsReader.all(dsl, Optional.empty()));
    }

    @Override
    public Optional<LatestBalance> latestBalance(AccountId account) {
        return QueryRows.fetchLatest(dsl, LATEST_OF_ONE, List.of(account.value())).stream()
                .findFirst()
                .map(latest -> AccountLabelsReader.attach(
                                List.of(latest), AccountLabelsReader.current(dsl, List.of(account.value())))
                        .get(0));
    }

    @Override
    public long countSnapshots(AccountId account, Instant from, Instant to) {
        return RunSamples.count(dsl, account, from, to);
    }

    @Override
    public List<BalancePoint> availableHistory(AccountId account, Instant from, Instant to, int limit) {
        return RunSamples.points(dsl, account, from, to, limit);
    }

    @Override
    public Map<AccountId, TrendSamples> trendSamples(Collection<AccountId> accounts, Instant from, Instant to) {
        return TrendSampleBatch.read(dsl, accounts, from, to);
    }

    @Override
    public List<BucketAggregate> aggregate(AccountId account, List<Instant> boundaries) {
        if (boundaries.size() < 2) {
            throw new IllegalArgumentException("buckets need at least two boundaries");
        }
        return RunSamples.buckets(dsl, account, boundaries);
    }

    @Override
    public List<FailedPoll> failedPolls(String source, Instant from, Instant to) {
        return dsl.select(POLL_SOURCE_RESULT.POLL_ID, POLL_SOURCE_RESULT.FINISHED_AT, POLL_SOURCE_RESULT.OUTCOME)
                .from(POLL_SOURCE_RESULT)
                .where(POLL_SOURCE_RESULT.SOURCE.eq(source))
                .and(POLL_SOURCE_RESULT.OUTCOME.notIn(SourceOutcome.succeededCodes()))
                .and(POLL_SOURCE_RESULT.FINISHED_AT.ge(QueryRows.utc(from)))
                .and(POLL_SOURCE_RESULT.FINISHED_AT.lt(QueryRows.utc(to)))
                .orderBy(POLL_SOURCE_RESULT.FINISHED_AT, POLL_SOURCE_RESULT.POLL_ID)
                .fetch(row ->
                        new FailedPoll(row.value1(), row.value2().toInstant(), SourceOutcome.fromCode(row.value3())));
    }

    @Override
    public List<TopUpEvent> topUps(AccountId account, Instant from, Instant to) {
        // bounding the run's last sighting by the range's start reads only the runs closed since; the account's key
        // as a value of its own, so that the runs are read by their key (joined to account, the planner scans
        // every account's runs of the range and keeps this one's)
        return dsl.resultQuery(
                        """
                SELECT e.observed_at, e.poll_id, e.currency, e.previous_available, e.available
                FROM balance_change_event e
                WHERE e.account_key = (SELECT a.account_key FROM account a WHERE a.id = ?)
                  AND e.direction = ? AND e.run_last_seen_at >= CAST(? AS TIMESTAMPTZ)
                  AND e.observed_at >= CAST(? AS TIMESTAMPTZ) AND e.observed_at < CAST(? AS TIMESTAMPTZ)
                ORDER BY e.observed_at, e.poll_id""", account.value(), TOP_UP, QueryRows.utc(from), QueryRows.utc(from), QueryRows.utc(to))
                .coerce(
                        DSL.field("observed_at", java.time.OffsetDateTime.class),
                        DSL.field("poll_id", Long.class),
                        DSL.field("currency", String.class),
                        DSL.field("previous_available", java.math.BigDecimal.class),
                        DSL.field("available", java.math.BigDecimal.class))
                .fetch(row -> {
                    Currency currency = CurrencyCodes.require(row.value3());
                    var previous = StoredAmounts.money(row.value4(), currency);
                    var available = StoredAmounts.money(row.value5(), currency);
                    return new TopUpEvent(
                            account.value(),
                            row.value1().toInstant(),
                            row.value2(),
                            previous,
                            available,
                            available.minus(previous));
                });
    }
}
