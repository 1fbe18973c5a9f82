package com.balancehistory.adapters.persistence;

import static com.balancehistory.adapters.persistence.JdbcValues.utc;
import static com.balancehistory.db.jooq.Tables.ACCOUNT;
import static com.balancehistory.db.jooq.Tables.ACCOUNT_GONE;
import static com.balancehistory.db.jooq.Tables.SOURCE_PRESENT_ACCOUNTS;

import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Gone accounts: an account of a fully listed kind that a poll of its source no longer lists is marked gone at that
 * poll, and each gone period is kept ({@code account_gone}) until a later poll sees the account again. Works inside
 * the recording's transaction.
 */
final class GoneAccounts {

    private GoneAccounts() {}

    /**
     * Accounts seen again end their gone period ({@code account_gone}) at this poll. Another instance may have marked
     * an account gone that this instance still remembers as unchanged; gone accounts are few, so they are fetched and
     * matched here rather than probing every account.
     */
    static void bringBack(Connection connection, String source, List<Account> seen, Instant seenAt)
            throws SQLException {
        List<String> gone = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT id FROM account WHERE source = ? AND gone_at IS NOT NULL")) {
            query.setString(1, source);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    gone.add(rs.getString(1));
                }
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        Set<String> goneIds = new HashSet<>(gone);
        String[] back =
                seen.stream().map(a -> a.id().value()).filter(goneIds::contains).toArray(String[]::new);
        if (back.length > 0) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE account SET gone_at = NULL WHERE id = ANY (?::text[])")) {
                update.setArray(1, connection.createArrayOf("text", back));
                update.executeUpdate();
            }
            try (PreparedStatement ended = connection.prepareStatement(
                    "UPDATE account_gone SET back_at = ?::timestamptz WHERE account_id = ANY (?::text[])"
                            + " AND back_at IS NULL")) {
                ended.setString(1, seenAt.toString());
                ended.setArray(2, connection.createArrayOf("text", back));
                ended.executeUpdate();
            }
        }
    }

    /**
     * Marks gone the present accounts of the fully listed kinds that this poll did not list.
     *
     * @param balances the poll's balances, one per account
     * @param limits the poll's card limits, one per card
     * @return the ids of the accounts marked gone
     */
    static List<String> markMissing(
            DSLContext db,
            SourcePollRecord record,
            Set<AccountKind> listed,
            Collection<BalanceObservation> balances,
            Collection<CardLimitObservation> limits) {
        long balancesSeen = 0;
        for (BalanceObservation o : balances) {
            balancesSeen += listed.contains(o.account().kind()) ? 1 : 0;
        }
        long limitsSeen =
                limits.stream().filter(o -> listed.contains(o.card().kind())).count();
        // balances and limits are each one per account; only an account in both could be counted twice
        List<String> seenIds = limitsSeen == 0 ? null : seenIds(listed, balances, limits);
        long seen = seenIds == null ? balancesSeen : seenIds.size();
        List<String> kinds = listed.stream().map(AccountKind::slug).toList();
        // Every account seen is present by now (written or brought back above). So when the present accounts of
        // these kinds are exactly as many, none is missing: one row of counts (kept by triggers on account, V35)
        // instead of an anti-join over the whole list, or a count of every present account.
        long present = db.select(DSL.coalesce(DSL.sum(SOURCE_PRESENT_ACCOUNTS.PRESENT), BigDecimal.ZERO))
                .from(SOURCE_PRESENT_ACCOUNTS)
                .where(SOURCE_PRESENT_ACCOUNTS.SOURCE.eq(record.source()))
                .and(SOURCE_PRESENT_ACCOUNTS.KIND.in(kinds))
                .fetchOne(0, long.class);
        if (present == seen) {
            return List.of();
        }
        Condition presentOfKinds =
                ACCOUNT.SOURCE.eq(record.source()).and(ACCOUNT.KIND.in(kinds)).and(ACCOUNT.GONE_AT.isNull());
        // one array parameter, not one bind value per account (a poll may list 100,000), as a hashed anti-join
        String[] listedIds = (seenIds == null ? seenIds(listed, balances, limits) : seenIds).toArray(String[]::new);
        List<String> marked = db.update(ACCOUNT)
                .set(ACCOUNT.GONE_AT, utc(record.observedAt()))
                .where(presentOfKinds)
                .and(DSL.condition(
                        "NOT EXISTS (SELECT 1 FROM unnest({0}::text[]) AS seen(id) WHERE seen.id = {1})",
                        DSL.val(listedIds), ACCOUNT.ID))
                .returningResult(ACCOUNT.ID)
                .fetch(ACCOUNT.ID);
        if (!marked.isEmpty()) {
            // each gone period is kept, so that balances as of a past time know whether the account was gone then
            db.insertInto(ACCOUNT_GONE, ACCOUNT_GONE.ACCOUNT_ID, ACCOUNT_GONE.GONE_AT)
                    .select(DSL.select(
                                    DSL.field(DSL.name("gone", "id"), String.class), DSL.val(utc(record.observedAt())))
                            .from(DSL.table("unnest({0}::text[])", DSL.val(marked.toArray(String[]::new)))
                                    .as("gone", "id")))
                    .onConflictDoNothing()
                    .execute();
        }
        return marked;
    }

    private static List<String> seenIds(
            Set<AccountKind> listed, Collection<BalanceObservation> balances, Collection<CardLimitObservation> limits) {
        Set<String> ids = new LinkedHashSet<>();
        balances.stream()
                .map(BalanceObservation::account)
                .filter(a -> listed.contains(a.kind()))
                .forEach(a -> ids.add(a.id().value()));
        limits.stream()
                .map(CardLimitObservation::card)
                .filter(a -> listed.contains(a.kind()))
                .forEach(a -> ids.add(a.id().value()));
        return new ArrayList<>(ids);
    }
}
