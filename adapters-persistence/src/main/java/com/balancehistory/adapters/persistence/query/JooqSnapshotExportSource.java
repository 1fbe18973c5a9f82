package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.BALANCE_SNAPSHOT;
import static com.balancehistory.db.jooq.Tables.LATEST_BALANCE;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.application.port.out.query.SnapshotExportSource;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.money.CurrencyCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * Streams exports with a server-side cursor: PostgreSQL's JDBC driver fetches {@value #FETCH_SIZE} rows at a time only
 * inside a transaction, so each cursor holds its own connection in a read-only transaction until it is closed.
 * Snapshots come in primary-key order (account, then time), which PostgreSQL reads from the index without sorting
 * the whole range first.
 */
public final class JooqSnapshotExportSource implements SnapshotExportSource {

    static final int FETCH_SIZE = ExportCursors.FETCH_SIZE;

    private final DSLContext dsl;

    public JooqSnapshotExportSource(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public RowCursor<LatestBalance> latestBalances(List<Label> labels) {
        Field<String[]> labelsOf = AccountLabelsReader.currentLabelsOf(LATEST_BALANCE.ACCOUNT_ID);
        List<Field<?>> fields = new ArrayList<>(QueryRows.LATEST_FIELDS);
        fields.add(labelsOf);
        return open(
                db -> db.select(fields)
                        .from(QueryRows.LATEST_WITH_SOURCE_POLL)
                        .where(AccountLabelsReader.hasAll(LATEST_BALANCE.ACCOUNT_ID, labels, Optional.empty()))
                        .orderBy(LATEST_BALANCE.ACCOUNT_ID),
                row -> {
                    LatestBalance latest = QueryRows.latest(row);
                    return new LatestBalance(
                            latest.account().withLabels(AccountLabelsReader.parse(row.get(labelsOf))),
                            latest.balances(),
                            latest.observedAt(),
                            latest.providerAsOf(),
                            latest.goneAt());
                });
    }

    @Override
    public RowCursor<SnapshotRow> snapshots(Instant from, Instant to, List<Label> labels) {
        return open(
                db -> db.select(
                                ACCOUNT.ID,
                                ACCOUNT.SOURCE,
                                ACCOUNT.PROVIDER,
                                ACCOUNT.KIND,
                                ACCOUNT.EXTERNAL_ID,
                                ACCOUNT.NAME,
                                ACCOUNT.PARENT_EXTERNAL_ID,
                                BALANCE_SNAPSHOT.POLL_ID,
                                BALANCE_SNAPSHOT.OBSERVED_AT,
                                BALANCE_SNAPSHOT.PROVIDER_AS_OF,
                                BALANCE_SNAPSHOT.CURRENCY,
                                BALANCE_SNAPSHOT.AVAILABLE,
                                BALANCE_SNAPSHOT.LEDGER,
                                BALANCE_SNAPSHOT.PENDING,
                                BALANCE_SNAPSHOT.ALLOCATED,
                                BALANCE_SNAPSHOT.INITIAL)
                        .from(BALANCE_SNAPSHOT)
                        .join(ACCOUNT)
                        .on(ACCOUNT.ID.eq(BALANCE_SNAPSHOT.ACCOUNT_ID))
                        .where(BALANCE_SNAPSHOT.OBSERVED_AT.ge(QueryRows.utc(from)))
                        .and(BALANCE_SNAPSHOT.OBSERVED_AT.lt(QueryRows.utc(to)))
                        .and(AccountLabelsReader.hasAllAt(
                                BALANCE_SNAPSHOT.ACCOUNT_ID, labels, BALANCE_SNAPSHOT.OBSERVED_AT))
                        .orderBy(BALANCE_SNAPSHOT.ACCOUNT_ID, BALANCE_SNAPSHOT.OBSERVED_AT, BALANCE_SNAPSHOT.POLL_ID),
                JooqSnapshotExportSource::snapshot);
    }

    private static SnapshotRow snapshot(Record row) {
        Currency currency = CurrencyCodes.require(row.get(BALANCE_SNAPSHOT.CURRENCY));
        Balances balances = StoredAmounts.balances(
                currency,
                row.get(BALANCE_SNAPSHOT.AVAILABLE),
                row.get(BALANCE_SNAPSHOT.LEDGER),
                row.get(BALANCE_SNAPSHOT.PENDING),
                row.get(BALANCE_SNAPSHOT.ALLOCATED),
                row.get(BALANCE_SNAPSHOT.INITIAL));
        return new SnapshotRow(
                row.get(BALANCE_SNAPSHOT.POLL_ID),
                QueryRows.account(row, currency),
                balances,
                row.get(BALANCE_SNAPSHOT.OBSERVED_AT).toInstant(),
                QueryRows.optionalInstant(row.get(BALANCE_SNAPSHOT.PROVIDER_AS_OF)));
    }

    private <R extends Record, T> RowCursor<T> open(
            Function<DSLContext, ResultQuery<R>> query, Function<Record, T> mapper) {
        return ExportCursors.open(dsl, List.of(query), mapper);
    }
}
