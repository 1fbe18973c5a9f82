package com.balancehistory.adapters.persistence.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.Labels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.jooq.Table;
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

    private static final String CURRENT = "SELECT account_id, key, value FROM account_label WHERE valid_to IS NULL";
    private static final String AT = "SELECT account_id, key, value FROM account_label "
            + "WHERE valid_from <= ?::timestamptz AND (valid_to IS NULL OR valid_to > ?::timestamptz)";

    private AccountLabelsReader() {}

    /** Every account's labels now, or at {@code at}; accounts without labels are absent. */
    public static Map<String, Labels> all(DSLContext dsl, Optional<Instant> at) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(at.isPresent() ? AT : CURRENT)) {
                if (at.isPresent()) {
                    statement.setString(1, at.get().toString());
                    statement.setString(2, at.get().toString());
                }
                Map<String, TreeMap<String, String>> byAccount = new HashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    int accountId = rs.findColumn("account_id");
                    int key = rs.findColumn("key");
                    int value = rs.findColumn("value");
                    while (rs.next()) {
                        byAccount
                                .computeIfAbsent(rs.getString(accountId), id -> new TreeMap<>())
                                .put(rs.getString(key), rs.getString(value));
                    }
                }
                Map<String, Labels> labels = new HashMap<>();
                byAccount.forEach((id, values) -> labels.put(id, new Labels(values)));
                return labels;
            }
        });
    }

    /** The labels of the given accounts now. */
    public static Map<String, Labels> current(DSLContext dsl, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, TreeMap<String, String>> byAccount = new HashMap<>();
        dsl.select(ACCOUNT_ID, KEY, VALUE)
                .from(LABEL)
                .where(VALID_TO.isNull())
                .and(ACCOUNT_ID.eq(DSL.any(accountIds.toArray(String[]::new))))
                .fetch()
                .forEach(row -> byAccount
                        .computeIfAbsent(row.value1(), id -> new TreeMap<>())
                        .put(row.value2(), row.value3()));
        Map<String, Labels> labels = new HashMap<>();
        byAccount.forEach((id, values) -> labels.put(id, new Labels(values)));
        return labels;
    }

    /** The labels of the given accounts now, or at {@code at}. */
    public static Map<String, Labels> of(DSLContext dsl, Collection<String> accountIds, Optional<Instant> at) {
        if (at.isEmpty()) {
            return current(dsl, accountIds);
        }
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime time = at.get().atOffset(ZoneOffset.UTC);
        Map<String, TreeMap<String, String>> byAccount = new HashMap<>();
        dsl.select(ACCOUNT_ID, KEY, VALUE)
                .from(LABEL)
                .where(VALID_FROM.le(time))
                .and(VALID_TO.isNull().or(VALID_TO.gt(time)))
                .and(ACCOUNT_ID.eq(DSL.any(accountIds.toArray(String[]::new))))
                .fetch()
                .forEach(row -> byAccount
                        .computeIfAbsent(row.value1(), id -> new TreeMap<>())
                        .put(row.value2(), row.value3()));
        Map<String, Labels> labels = new HashMap<>();
        byAccount.forEach((id, values) -> labels.put(id, new Labels(values)));
        return labels;
    }

    /** As {@link #currentLabelsOf(Field)}, the labels that held at {@code at}. */
    public static Field<String[]> labelsAtOf(Field<String> accountId, Instant at) {
        return DSL.field(
                "ARRAY(SELECT l.key || '=' || l.value FROM account_label l WHERE l.account_id = {0} "
                        + "AND l.valid_from <= {1} AND (l.valid_to IS NULL OR l.valid_to > {1}) ORDER BY l.key)",
                String[].class, accountId, DSL.val(at.atOffset(ZoneOffset.UTC)));
    }

    /**
     * The open labels of the row's account as one array of {@code key=value} (keys hold no {@code =}), for streamed
     * reads that cannot look labels up afterwards; {@link #parse(String[])} reads it back.
     */
    public static Field<String[]> currentLabelsOf(Field<String> accountId) {
        return DSL.field(
                "ARRAY(SELECT l.key || '=' || l.value FROM account_label l WHERE l.account_id = {0} "
                        + "AND l.valid_to IS NULL ORDER BY l.key)",
                String[].class, accountId);
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
        return holding(accountId, filters, at.map(instant -> DSL.val(instant.atOffset(ZoneOffset.UTC))));
    }

    /** As {@link #hasAll(Field, List, Optional)}, the time given as a field (a row's own observation time). */
    public static Condition hasAllAt(Field<String> accountId, List<Label> filters, Field<OffsetDateTime> time) {
        return holding(accountId, filters, Optional.of(time));
    }

    private static Condition holding(
            Field<String> accountId, List<Label> filters, Optional<? extends Field<OffsetDateTime>> time) {
        List<Condition> conditions = new ArrayList<>();
        for (Label filter : filters) {
            Condition valid = time.map(
                            t -> VALID_FROM.le(t).and(VALID_TO.isNull().or(VALID_TO.gt(t))))
                    .orElse(VALID_TO.isNull());
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
