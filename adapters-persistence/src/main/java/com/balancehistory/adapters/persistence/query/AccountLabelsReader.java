package com.balancehistory.adapters.persistence.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.Labels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Account labels as they held now (the open assignments) or at a given time, read from {@code account_label}, and the
 * SQL condition of a label filter ({@code label=department:Marketing}, all of them must hold).
 */
public final class AccountLabelsReader {

    private static final Table<?> LABEL = DSL.table(DSL.name("account_label")).as("lbl");
    private static final Field<String> ACCOUNT_ID = DSL.field(DSL.name("lbl", "account_id"), String.class);
    private static final Field<String> KEY = DSL.field(DSL.name("lbl", "key"), String.class);
    private static final Field<String> VALUE = DSL.field(DSL.name("lbl", "value"), String.class);
    private static final Field<OffsetDateTime> VALID_FROM =
            DSL.field(DSL.name("lbl", "valid_from"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> VALID_TO = DSL.field(DSL.name("lbl", "valid_to"), OffsetDateTime.class);

    private AccountLabelsReader() {}

    /** Every account's labels now, or at {@code at}; accounts without labels are absent. */
    public static Map<String, Labels> all(DSLContext dsl, Optional<Instant> at) {
        return read(dsl, validAt(at.map(AccountLabelsReader::time)));
    }

    /**
     * The open assignments of the accounts bound as one text array, rendered once: the one-account read runs on every
     * balance request, and rendering it took longer than running it.
     */
    private static final String CURRENT_OF_ACCOUNTS = DSL.using(SQLDialect.POSTGRES)
            .select(ACCOUNT_ID, KEY, VALUE)
            .from(LABEL)
            .where(VALID_TO.isNull())
            .and(ACCOUNT_ID.eq(DSL.any(DSL.val(new String[0]))))
            .getSQL();

    /** The labels of the given accounts now. */
    public static Map<String, Labels> current(DSLContext dsl, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CURRENT_OF_ACCOUNTS)) {
                statement.setArray(1, connection.createArrayOf("varchar", accountIds.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    return grouped(rs);
                }
            }
        });
    }

    /** The labels of the given accounts now, or at {@code at}. */
    public static Map<String, Labels> of(DSLContext dsl, Collection<String> accountIds, Optional<Instant> at) {
        if (at.isEmpty()) {
            return current(dsl, accountIds);
        }
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return read(
                dsl,
                validAt(at.map(AccountLabelsReader::time))
                        .and(ACCOUNT_ID.eq(DSL.any(accountIds.toArray(String[]::new)))));
    }

    /**
     * The labels of the assignments {@code which} selects, per account. Read from the JDBC result set rather than
     * through jOOQ records: the as-of list reads every account's labels on each request.
     */
    private static Map<String, Labels> read(DSLContext dsl, Condition which) {
        try (ResultSet rs =
                dsl.select(ACCOUNT_ID, KEY, VALUE).from(LABEL).where(which).fetchResultSet()) {
            return grouped(rs);
        } catch (SQLException e) {
            throw new DataAccessException("reading account labels failed", e);
        }
    }

    /** The rows of account id, key and value, per account. */
    private static Map<String, Labels> grouped(ResultSet rs) throws SQLException {
        Map<String, TreeMap<String, String>> byAccount = new HashMap<>();
        int accountId = rs.findColumn(ACCOUNT_ID.getName());
        int key = rs.findColumn(KEY.getName());
        int value = rs.findColumn(VALUE.getName());
        while (rs.next()) {
            byAccount
                    .computeIfAbsent(rs.getString(accountId), id -> new TreeMap<>())
                    .put(rs.getString(key), rs.getString(value));
        }
        Map<String, Labels> labels = new HashMap<>();
        byAccount.forEach((id, values) -> labels.put(id, new Labels(values)));
        return labels;
    }

    /** The assignments that hold at {@code time}, or now (the open ones) without one. */
    private static Condition validAt(Optional<? extends Field<OffsetDateTime>> time) {
        return time.map(t -> VALID_FROM.le(t).and(VALID_TO.isNull().or(VALID_TO.gt(t))))
                .orElse(VALID_TO.isNull());
    }

    private static Field<OffsetDateTime> time(Instant at) {
        return DSL.val(at.atOffset(ZoneOffset.UTC));
    }

    /** As {@link #currentLabelsOf(Field)}, the labels that held at {@code at}. */
    public static Field<String[]> labelsAtOf(Field<String> accountId, Instant at) {
        return labelArray(accountId, Optional.of(time(at)));
    }

    /**
     * The open labels of the row's account as one array of {@code key=value} (keys hold no {@code =}), for streamed
     * reads that cannot look labels up afterwards; {@link #parse(String[])} reads it back.
     */
    public static Field<String[]> currentLabelsOf(Field<String> accountId) {
        return labelArray(accountId, Optional.empty());
    }

    private static Field<String[]> labelArray(Field<String> accountId, Optional<Field<OffsetDateTime>> time) {
        return DSL.field(
                "ARRAY({0})",
                String[].class,
                DSL.select(DSL.concat(KEY, DSL.inline("="), VALUE))
                        .from(LABEL)
                        .where(ACCOUNT_ID.eq(accountId))
                        .and(validAt(time))
                        .orderBy(KEY));
    }

    public static Labels parse(String[] pairs) {
        if (pairs == null || pairs.length == 0) {
            return Labels.NONE;
        }
        TreeMap<String, String> values = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Labels(values);
    }

    /** The rows with their accounts' labels attached. */
    public static List<LatestBalance> attach(List<LatestBalance> rows, Map<String, Labels> labels) {
        if (labels.isEmpty()) {
            return rows;
        }
        List<LatestBalance> labelled = new ArrayList<>(rows.size());
        for (LatestBalance row : rows) {
            Labels of = labels.get(row.account().id().value());
            labelled.add(
                    of == null
                            ? row
                            : new LatestBalance(
                                    row.account().withLabels(of),
                                    row.balances(),
                                    row.observedAt(),
                                    row.providerAsOf(),
                                    row.goneAt()));
        }
        return labelled;
    }

    /**
     * True for the rows whose account (by {@code accountId}) has every one of {@code filters}: now, or at {@code at}
     * when given.
     */
    public static Condition hasAll(Field<String> accountId, List<Label> filters, Optional<Instant> at) {
        return holding(accountId, filters, at.map(AccountLabelsReader::time));
    }

    /** As {@link #hasAll(Field, List, Optional)}, the time given as a field (a row's own observation time). */
    public static Condition hasAllAt(Field<String> accountId, List<Label> filters, Field<OffsetDateTime> time) {
        return holding(accountId, filters, Optional.of(time));
    }

    private static Condition holding(
            Field<String> accountId, List<Label> filters, Optional<? extends Field<OffsetDateTime>> time) {
        List<Condition> conditions = new ArrayList<>();
        for (Label filter : filters) {
            Condition valid = validAt(time);
            conditions.add(DSL.exists(DSL.selectOne()
                    .from(LABEL)
                    .where(ACCOUNT_ID.eq(accountId))
                    .and(KEY.eq(filter.key()))
                    .and(VALUE.eq(filter.value()))
                    .and(valid)));
        }
        return DSL.and(conditions);
    }
}
