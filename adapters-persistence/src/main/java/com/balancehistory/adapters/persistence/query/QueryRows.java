package com.balancehistory.adapters.persistence.query;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.LATEST_BALANCE;
import static com.balancehistory.db.jooq.Tables.SOURCE_BALANCE_POLL;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Maps stored rows to domain values: accounts and latest balances (amounts: {@link StoredAmounts}). */
final class QueryRows {

    /**
     * Latest balances, which carry their accounts' columns (copied from {@code account} by triggers, so that the list
     * reads one table), with their sources' newest balance poll.
     */
    static final Table<?> LATEST_WITH_SOURCE_POLL =
            LATEST_BALANCE.leftJoin(SOURCE_BALANCE_POLL).on(SOURCE_BALANCE_POLL.SOURCE.eq(LATEST_BALANCE.SOURCE));

    /**
     * When the latest value was last observed: the source's newest balance poll while the row follows it (the
     * value was seen again unchanged), else the row's own time. analytics.latest_balances says the same in SQL.
     */
    static final Field<OffsetDateTime> LATEST_OBSERVED_AT = DSL.when(
                    LATEST_BALANCE.FOLLOWS_SOURCE_POLL, SOURCE_BALANCE_POLL.OBSERVED_AT)
            .otherwise(LATEST_BALANCE.OBSERVED_AT);

    /** The columns of a latest balance with its account, read from {@link #LATEST_WITH_SOURCE_POLL}. */
    static final List<Field<?>> LATEST_FIELDS = List.of(
            LATEST_BALANCE.ACCOUNT_ID,
            LATEST_BALANCE.SOURCE,
            LATEST_BALANCE.PROVIDER,
            LATEST_BALANCE.KIND,
            LATEST_BALANCE.EXTERNAL_ID,
            LATEST_BALANCE.NAME,
            LATEST_BALANCE.PARENT_EXTERNAL_ID,
            LATEST_BALANCE.GONE_AT,
            LATEST_BALANCE.CURRENCY,
            LATEST_BALANCE.AVAILABLE,
            LATEST_BALANCE.LEDGER,
            LATEST_BALANCE.PENDING,
            LATEST_BALANCE.ALLOCATED,
            LATEST_BALANCE.INITIAL,
            LATEST_OBSERVED_AT,
            LATEST_BALANCE.PROVIDER_AS_OF);

    /**
     * {@link #LATEST_FIELDS} read from latest_balance alone, as the full list does: the row's own time in place of
     * {@link #LATEST_OBSERVED_AT}, and whether it follows its source's newest poll. Joining the newest polls took a
     * sixth of the server's time for 10,000 rows (1.4 of 7.8 ms, a hash probe per row); they are a few rows, read apart.
     */
    private static final List<Field<?>> LATEST_FIELDS_OF_ROW_ALONE = Stream.concat(
                    LATEST_FIELDS.stream()
                            .map(field -> field == LATEST_OBSERVED_AT ? LATEST_BALANCE.OBSERVED_AT : field),
                    Stream.of(LATEST_BALANCE.FOLLOWS_SOURCE_POLL))
            .toList();

    private static final String ALL_LATEST = DSL.using(SQLDialect.POSTGRES)
            .select(LATEST_FIELDS_OF_ROW_ALONE)
            .from(LATEST_BALANCE)
            .getSQL();

    private static final String NEWEST_POLLS = DSL.using(SQLDialect.POSTGRES)
            .select(SOURCE_BALANCE_POLL.SOURCE, SOURCE_BALANCE_POLL.OBSERVED_AT)
            .from(SOURCE_BALANCE_POLL)
            .getSQL();

    // each column's place in LATEST_FIELDS, found by the field once, so the rows are read by name at index speed
    private static final int ACCOUNT_ID = LATEST_FIELDS.indexOf(LATEST_BALANCE.ACCOUNT_ID);
    private static final int SOURCE = LATEST_FIELDS.indexOf(LATEST_BALANCE.SOURCE);
    private static final int PROVIDER = LATEST_FIELDS.indexOf(LATEST_BALANCE.PROVIDER);
    private static final int KIND = LATEST_FIELDS.indexOf(LATEST_BALANCE.KIND);
    private static final int EXTERNAL_ID = LATEST_FIELDS.indexOf(LATEST_BALANCE.EXTERNAL_ID);
    private static final int NAME = LATEST_FIELDS.indexOf(LATEST_BALANCE.NAME);
    private static final int PARENT_EXTERNAL_ID = LATEST_FIELDS.indexOf(LATEST_BALANCE.PARENT_EXTERNAL_ID);
    private static final int GONE_AT = LATEST_FIELDS.indexOf(LATEST_BALANCE.GONE_AT);
    private static final int CURRENCY = LATEST_FIELDS.indexOf(LATEST_BALANCE.CURRENCY);
    private static final int AVAILABLE = LATEST_FIELDS.indexOf(LATEST_BALANCE.AVAILABLE);
    private static final int LEDGER = LATEST_FIELDS.indexOf(LATEST_BALANCE.LEDGER);
    private static final int PENDING = LATEST_FIELDS.indexOf(LATEST_BALANCE.PENDING);
    private static final int ALLOCATED = LATEST_FIELDS.indexOf(LATEST_BALANCE.ALLOCATED);
    private static final int INITIAL = LATEST_FIELDS.indexOf(LATEST_BALANCE.INITIAL);
    private static final int OBSERVED_AT = LATEST_FIELDS.indexOf(LATEST_OBSERVED_AT);
    private static final int PROVIDER_AS_OF = LATEST_FIELDS.indexOf(LATEST_BALANCE.PROVIDER_AS_OF);
    private static final int FOLLOWS_SOURCE_POLL =
            LATEST_FIELDS_OF_ROW_ALONE.indexOf(LATEST_BALANCE.FOLLOWS_SOURCE_POLL);

    private QueryRows() {}

    /** The account of a row holding the {@code ACCOUNT} columns; attributes are not read. */
    static Account account(Record row, Currency currency) {
        return new Account(
                new AccountId(row.get(ACCOUNT.ID)),
                row.get(ACCOUNT.SOURCE),
                ProviderType.fromConfigName(row.get(ACCOUNT.PROVIDER)),
                AccountKind.fromSlug(row.get(ACCOUNT.KIND)),
                row.get(ACCOUNT.EXTERNAL_ID),
                row.get(ACCOUNT.NAME),
                currency,
                Optional.ofNullable(row.get(ACCOUNT.PARENT_EXTERNAL_ID)),
                Map.of());
    }

    /**
     * Runs a select of {@link #LATEST_FIELDS} and maps its rows straight from JDBC, by column position: for the
     * 10,000 rows of a full list, building jOOQ records first would cost more than the query itself.
     */
    static List<LatestBalance> fetchLatest(DSLContext dsl, Select<?> query) {
        return fetchLatest(dsl, query.getSQL(), query.getBindValues());
    }

    /** As {@link #fetchLatest(DSLContext, Select)}, the query rendered already (for the per-request ones). */
    static List<LatestBalance> fetchLatest(DSLContext dsl, String sql, List<Object> binds) {
        return fetchLatest(dsl, sql, binds, row -> latest(row, row.get(OBSERVED_AT, OffsetDateTime.class)));
    }

    /**
     * Every latest balance, unordered. The sources' newest polls are read first, so a poll recorded between the two
     * statements can only make them older than the poll a row follows, never newer: a row following its source was
     * observed unchanged at every newest poll since its own time, so the later of the two is a time it was observed
     * (and a row that poll inserted or changed carries it as its own time).
     */
    static List<LatestBalance> fetchAllLatest(DSLContext dsl) {
        Map<String, OffsetDateTime> newestPollBySource = new HashMap<>();
        dsl.resultQuery(NEWEST_POLLS)
                .coerce(SOURCE_BALANCE_POLL.SOURCE, SOURCE_BALANCE_POLL.OBSERVED_AT)
                .forEach(poll -> newestPollBySource.put(poll.value1(), poll.value2()));
        return fetchLatest(dsl, ALL_LATEST, List.of(), row -> {
            OffsetDateTime own = row.get(OBSERVED_AT, OffsetDateTime.class);
            OffsetDateTime newestPoll = row.get(FOLLOWS_SOURCE_POLL, Boolean.class)
                    ? newestPollBySource.get(row.repeatedText(SOURCE))
                    : null;
            return latest(row, newestPoll != null && newestPoll.isAfter(own) ? newestPoll : own);
        });
    }

    private static List<LatestBalance> fetchLatest(
            DSLContext dsl, String sql, List<Object> binds, Function<LatestRow, LatestBalance> mapper) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                List<LatestBalance> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    LatestRow row = new JdbcLatestRow(rs);
                    while (rs.next()) {
                        rows.add(mapper.apply(row));
                    }
                }
                return rows;
            }
        });
    }

    /** A row of {@link #LATEST_FIELDS} fetched through jOOQ (the streamed export). */
    static LatestBalance latest(Record record) {
        return latest(record::get, record.get(LATEST_OBSERVED_AT));
    }

    /** The values of {@link #LATEST_FIELDS} in one row, by their place in it from 0, however the row was fetched. */
    private interface LatestRow {
        <T> T get(int column, Class<T> type);

        /** A text column whose few values repeat from row to row (source, provider, kind, currency). */
        default String repeatedText(int column) {
            return get(column, String.class);
        }
    }

    private static final class JdbcLatestRow implements LatestRow {

        private final ResultSet rs;
        private final byte[][] previousBytes = new byte[LATEST_FIELDS_OF_ROW_ALONE.size()][];
        private final String[] previousText = new String[LATEST_FIELDS_OF_ROW_ALONE.size()];

        JdbcLatestRow(ResultSet rs) {
            this.rs = rs;
        }

        /**
         * Text and amounts through their own getters, which read a long list of latest balances faster than
         * {@code getObject(int, Class)} for every column.
         */
        @Override
        public <T> T get(int column, Class<T> type) {
            try {
                int index = column + 1;
                Object value = type == String.class
                        ? rs.getString(index)
                        : type == BigDecimal.class ? rs.getBigDecimal(index) : rs.getObject(index, type);
                return type.cast(value);
            } catch (SQLException e) {
                throw unreadable(column, e);
            }
        }

        /**
         * The previous row's string when the column's bytes are the same: pgjdbc hands a text column's bytes as
         * received (UTF-8), and decoding a string per row and column was a quarter of the list's Java time.
         */
        @Override
        public String repeatedText(int column) {
            try {
                byte[] bytes = rs.getBytes(column + 1);
                if (bytes == null) {
                    return null;
                }
                if (!Arrays.equals(bytes, previousBytes[column])) {
                    previousBytes[column] = bytes;
                    previousText[column] = new String(bytes, StandardCharsets.UTF_8);
                }
                return previousText[column];
            } catch (SQLException e) {
                throw unreadable(column, e);
            }
        }

        private static DataAccessException unreadable(int column, SQLException e) {
            return new DataAccessException(
                    "could not read column "
                            + LATEST_FIELDS_OF_ROW_ALONE.get(column).getName() + " of a latest balance",
                    e);
        }
    }

    /** A latest balance from a row of {@link #LATEST_FIELDS}, last observed at the time given. */
    private static LatestBalance latest(LatestRow row, OffsetDateTime observedAt) {
        Currency currency = CurrencyCodes.require(row.repeatedText(CURRENCY));
        Account account = new Account(
                new AccountId(row.get(ACCOUNT_ID, String.class)),
                row.repeatedText(SOURCE),
                ProviderType.fromConfigName(row.repeatedText(PROVIDER)),
                AccountKind.fromSlug(row.repeatedText(KIND)),
                row.get(EXTERNAL_ID, String.class),
                row.get(NAME, String.class),
                currency,
                Optional.ofNullable(row.get(PARENT_EXTERNAL_ID, String.class)),
                Map.of());
        Balances balances = StoredAmounts.balances(
                currency,
                row.get(AVAILABLE, BigDecimal.class),
                row.get(LEDGER, BigDecimal.class),
                row.get(PENDING, BigDecimal.class),
                row.get(ALLOCATED, BigDecimal.class),
                row.get(INITIAL, BigDecimal.class));
        return new LatestBalance(
                account,
                balances,
                instant(observedAt),
                optionalInstant(row.get(PROVIDER_AS_OF, OffsetDateTime.class)),
                optionalInstant(row.get(GONE_AT, OffsetDateTime.class)));
    }

    /** The stale cutoff of each row's source, as SQL: CASE source WHEN 'a' THEN ... ELSE default END. */
    static Field<OffsetDateTime> staleCutoff(Field<String> source, StaleCutoffs cutoffs) {
        Field<OffsetDateTime> otherwise = DSL.val(utc(cutoffs.otherwise()));
        Map<String, Instant> bySource = cutoffs.bySource();
        if (bySource.isEmpty()) {
            return otherwise;
        }
        CaseValueStep<String> choose = DSL.choose(source);
        CaseWhenStep<String, OffsetDateTime> when = null;
        for (Map.Entry<String, Instant> entry : bySource.entrySet()) {
            OffsetDateTime cutoff = utc(entry.getValue());
            when = when == null
                    ? choose.when(entry.getKey(), DSL.val(cutoff))
                    : when.when(entry.getKey(), DSL.val(cutoff));
        }
        return when.otherwise(otherwise);
    }

    static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    static Optional<Instant> optionalInstant(OffsetDateTime time) {
        return time == null ? Optional.empty() : Optional.of(time.toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
