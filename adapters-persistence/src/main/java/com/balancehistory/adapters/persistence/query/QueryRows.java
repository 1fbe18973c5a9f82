package com.balancehistory.adapters.persistence.query;

import com.balancehistory.application.port.out.query.LatestBalance;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.LATEST_BALANCE;
import static com.balancehistory.db.jooq.Tables.SOURCE_BALANCE_POLL;

/** Maps stored rows to domain values: accounts, and amounts at their currency's scale. */
final class QueryRows {

    /** Latest balances with their accounts and their sources' newest balance poll. */
    static final Table<?> LATEST_WITH_ACCOUNT = LATEST_BALANCE
            .join(ACCOUNT).on(ACCOUNT.ID.eq(LATEST_BALANCE.ACCOUNT_ID))
            .leftJoin(SOURCE_BALANCE_POLL).on(SOURCE_BALANCE_POLL.SOURCE.eq(ACCOUNT.SOURCE));

    /**
     * When the latest value was last observed: the source's newest balance poll while the row follows it (the
     * value was seen again unchanged), else the row's own time. analytics.latest_balances says the same in SQL.
     */
    static final Field<OffsetDateTime> LATEST_OBSERVED_AT = DSL
            .when(LATEST_BALANCE.FOLLOWS_SOURCE_POLL, SOURCE_BALANCE_POLL.OBSERVED_AT)
            .otherwise(LATEST_BALANCE.OBSERVED_AT);

    /** The columns of a latest balance with its account, read from {@link #LATEST_WITH_ACCOUNT}. */
    static final List<Field<?>> LATEST_FIELDS = List.of(ACCOUNT.ID, ACCOUNT.SOURCE, ACCOUNT.PROVIDER, ACCOUNT.KIND,
            ACCOUNT.EXTERNAL_ID, ACCOUNT.NAME, ACCOUNT.PARENT_EXTERNAL_ID, ACCOUNT.GONE_AT, LATEST_BALANCE.CURRENCY,
            LATEST_BALANCE.AVAILABLE, LATEST_BALANCE.LEDGER, LATEST_BALANCE.PENDING, LATEST_BALANCE.ALLOCATED,
            LATEST_BALANCE.INITIAL, LATEST_OBSERVED_AT, LATEST_BALANCE.PROVIDER_AS_OF);

    private QueryRows() {
    }

    /** The account of a row holding the {@code ACCOUNT} columns; attributes are not read. */
    static Account account(Record row, Currency currency) {
        return new Account(new AccountId(row.get(ACCOUNT.ID)), row.get(ACCOUNT.SOURCE),
                ProviderType.fromConfigName(row.get(ACCOUNT.PROVIDER)), AccountKind.fromSlug(row.get(ACCOUNT.KIND)),
                row.get(ACCOUNT.EXTERNAL_ID), row.get(ACCOUNT.NAME), currency,
                Optional.ofNullable(row.get(ACCOUNT.PARENT_EXTERNAL_ID)), Map.of());
    }

    /**
     * Runs a select of {@link #LATEST_FIELDS} and maps its rows straight from JDBC, by column position: for the
     * 10,000 rows of a full list, building jOOQ records first would cost more than the query itself.
     */
    static List<LatestBalance> fetchLatest(DSLContext dsl, Select<?> query) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.getSQL())) {
                List<Object> binds = query.getBindValues();
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                List<LatestBalance> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(latest(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static LatestBalance latest(ResultSet rs) throws SQLException {
        Currency currency = CurrencyCodes.require(rs.getString(9));
        Account account = new Account(new AccountId(rs.getString(1)), rs.getString(2),
                ProviderType.fromConfigName(rs.getString(3)), AccountKind.fromSlug(rs.getString(4)),
                rs.getString(5), rs.getString(6), currency, Optional.ofNullable(rs.getString(7)), Map.of());
        Balances balances = new Balances(money(rs.getBigDecimal(10), currency),
                optionalMoney(rs.getBigDecimal(11), currency), optionalMoney(rs.getBigDecimal(12), currency),
                optionalMoney(rs.getBigDecimal(13), currency), optionalMoney(rs.getBigDecimal(14), currency));
        return new LatestBalance(account, balances, instant(rs.getObject(15, OffsetDateTime.class)),
                optionalInstant(rs.getObject(16, OffsetDateTime.class)),
                optionalInstant(rs.getObject(8, OffsetDateTime.class)));
    }

    static LatestBalance latest(Record row) {
        Currency currency = CurrencyCodes.require(row.get(LATEST_BALANCE.CURRENCY));
        Balances balances = new Balances(money(row.get(LATEST_BALANCE.AVAILABLE), currency),
                optionalMoney(row.get(LATEST_BALANCE.LEDGER), currency),
                optionalMoney(row.get(LATEST_BALANCE.PENDING), currency),
                optionalMoney(row.get(LATEST_BALANCE.ALLOCATED), currency),
                optionalMoney(row.get(LATEST_BALANCE.INITIAL), currency));
        return new LatestBalance(account(row, currency), balances, instant(row.get(LATEST_OBSERVED_AT)),
                optionalInstant(row.get(LATEST_BALANCE.PROVIDER_AS_OF)), optionalInstant(row.get(ACCOUNT.GONE_AT)));
    }

    /**
     * Stored amounts are NUMERIC(24,4); the trailing zeros beyond the currency's scale are dropped again (anything
     * else there would be a broken invariant, and {@link Money} refuses it).
     */
    static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency);
    }

    static Optional<Money> optionalMoney(BigDecimal amount, Currency currency) {
        return amount == null ? Optional.empty() : Optional.of(Money.of(amount, currency));
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
