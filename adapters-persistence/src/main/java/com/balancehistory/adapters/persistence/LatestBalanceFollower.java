package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.money.CurrencyCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows each source's newest balance poll: serialises a source's recordings on its {@code source_balance_poll}
 * row, tells which balances differ from the previous poll's (remembered by this process in {@link FollowedBalances}
 * while the database says that poll is still the newest, else read back from the latest rows that follow it),
 * hands only those to the {@link BalanceRunWriter}, and makes the poll the source's newest sighting.
 */
final class LatestBalanceFollower {

    /** The first recording of a source's balances creates its row, locked until this transaction ends. */
    private static final String CLAIM_FIRST_BALANCE_POLL = """
            INSERT INTO source_balance_poll (source, poll_id, observed_at, recordings) VALUES (?, ?, ?::timestamptz, 1)
            ON CONFLICT (source) DO NOTHING
            """;

    /**
     * Later recordings of the source wait here for each other, so latest values are applied one poll at a time; each
     * counts itself, so that an instance can tell whether another recording came between two of its own.
     */
    private static final String LOCK_NEWEST_BALANCE_POLL = "UPDATE source_balance_poll SET recordings = recordings + 1"
            + " WHERE source = ? RETURNING poll_id, observed_at, recordings";

    private static final String ADVANCE_NEWEST_BALANCE_POLL =
            "UPDATE source_balance_poll SET poll_id = ?, observed_at = ?::timestamptz WHERE source = ?";

    /** The source's newest poll is a sighting of every open run of the source (and of the runs it closes). */
    private static final String MARK_SIGHTING =
            "UPDATE poll_source_result SET balances_recorded = TRUE WHERE poll_id = ? AND source = ?";

    /** What the source's newest poll saw, as the latest rows that still follow it hold it. */
    private static final String FOLLOWING_BALANCES = """
            SELECT l.account_id, l.currency, l.available, l.ledger, l.pending, l.allocated, l.initial,
                   l.provider_as_of
            FROM latest_balance l
            WHERE l.source = ? AND l.follows_source_poll
            """;

    private final FollowedBalances followedBalances = new FollowedBalances();
    private final BalanceRunWriter runs;

    LatestBalanceFollower(BalanceRunWriter runs) {
        this.runs = runs;
    }

    /**
     * What a recording of balances wrote, and what this process may remember of it once the transaction commits.
     *
     * @param rows the logical snapshot rows the poll recorded
     * @param newest the source's newest poll after this one, if this process knows what it saw
     */
    record Recorded(int rows, Optional<FollowedBalances.Poll> newest) {}

    /** Remembers the source's newest poll; called only after the recording that made it has committed. */
    void remember(String source, Recorded recorded) {
        recorded.newest().ifPresent(poll -> followedBalances.put(source, poll));
    }

    /**
     * Writes every balance snapshot and, for the source's newest poll, the latest values that changed. Which ones
     * changed is known from the previous poll's values: remembered when this process recorded that poll, else read
     * back from the rows that follow it. A poll older than the source's newest offers every row, and only accounts
     * without a latest row get one.
     *
     * @param previous the source's newest poll before this one, as {@link #lockNewest} locked it
     */
    Recorded record(
            Connection connection,
            Map<String, BalanceObservation> byAccount,
            SourcePollRecord record,
            Optional<NewestBalancePoll> previous)
            throws SQLException {
        boolean newest = NewestBalancePoll.isNewest(previous, record);
        List<BalanceObservation> observations = new ArrayList<>(byAccount.values());
        Optional<FollowedBalances.Poll> remembered =
                previous.flatMap(p -> followedBalances.take(record.source(), p.pollId()));
        FollowedBalances.Difference difference = FollowedBalances.Difference.unknown(observations.size());
        FollowedBalances.Poll before = null;
        if (newest && previous.isPresent()) {
            before = remembered.isPresent()
                    ? remembered.get()
                    : readFollowingBalances(
                            connection, record.source(), previous.get().pollId());
            difference = FollowedBalances.difference(before, observations, byAccount);
            runs.stopFollowing(connection, previous.get(), difference.vanished());
        }
        writeOffered(connection, observations, difference, newest, previous, record);
        if (newest) {
            try (PreparedStatement mark = connection.prepareStatement(MARK_SIGHTING)) {
                mark.setLong(1, record.pollId());
                mark.setString(2, record.source());
                mark.executeUpdate();
            }
            if (previous.isPresent()) {
                try (PreparedStatement advance = connection.prepareStatement(ADVANCE_NEWEST_BALANCE_POLL)) {
                    advance.setLong(1, record.pollId());
                    advance.setString(2, record.observedAt().toString());
                    advance.setString(3, record.source());
                    advance.executeUpdate();
                }
            }
            FollowedBalances.Poll now = before == null
                    ? FollowedBalances.Poll.of(record.pollId(), observations)
                    : before.next(record.pollId(), observations, difference);
            return new Recorded(observations.size(), Optional.of(now));
        }
        return new Recorded(observations.size(), remembered); // still the newest: keep it
    }

    /**
     * The source's lock, held until the transaction ends.
     *
     * @param previous the source's newest recorded balance poll before this one; empty when this is its first
     * @param recording this recording's number among the source's recordings (the first is 1)
     */
    record SourceLock(Optional<NewestBalancePoll> previous, long recording) {}

    /**
     * Takes the source's lock. Taken before the recording writes any account of the source, so that recordings of
     * one source change its accounts (and their per-source counts) one after another, always after this lock.
     */
    static SourceLock lockNewest(Connection connection, SourcePollRecord record) throws SQLException {
        // the row exists after the source's first poll: one statement then; a first poll claims it (or, racing
        // another first poll that claimed it, waits for it and locks it)
        Optional<SourceLock> locked = lockExisting(connection, record.source());
        if (locked.isPresent()) {
            return locked.get();
        }
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_FIRST_BALANCE_POLL)) {
            claim.setString(1, record.source());
            claim.setLong(2, record.pollId());
            claim.setString(3, record.observedAt().toString());
            if (claim.executeUpdate() == 1) {
                return new SourceLock(Optional.empty(), 1);
            }
        }
        return lockExisting(connection, record.source()).orElseThrow();
    }

    private static Optional<SourceLock> lockExisting(Connection connection, String source) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_NEWEST_BALANCE_POLL)) {
            lock.setString(1, source);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                NewestBalancePoll newest = new NewestBalancePoll(
                        rs.getLong("poll_id"),
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant());
                return Optional.of(new SourceLock(Optional.of(newest), rs.getLong("recordings")));
            }
        }
    }

    /**
     * What another instance (or this one before a restart) recorded as the source's newest poll, read back from
     * the latest rows that follow it: one indexed read instead of comparing every value in SQL.
     */
    private static FollowedBalances.Poll readFollowingBalances(Connection connection, String source, long pollId)
            throws SQLException {
        Map<String, FollowedBalances.Seen> byAccount = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(FOLLOWING_BALANCES)) {
            query.setString(1, source);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Currency currency = CurrencyCodes.require(rs.getString(2));
                    Balances balances = StoredAmounts.balances(
                            currency,
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getBigDecimal(7));
                    OffsetDateTime asOf = rs.getObject(8, OffsetDateTime.class);
                    byAccount.put(
                            rs.getString(1),
                            new FollowedBalances.Seen(
                                    balances, Optional.ofNullable(asOf).map(OffsetDateTime::toInstant)));
                }
            }
        }
        return new FollowedBalances.Poll(pollId, byAccount);
    }

    /**
     * Offers what changed: nothing at all for balances the previous poll saw with the same value (their runs go
     * on, and this poll's source row is their sighting).
     */
    private void writeOffered(
            Connection connection,
            List<BalanceObservation> observations,
            FollowedBalances.Difference difference,
            boolean newest,
            Optional<NewestBalancePoll> previous,
            SourcePollRecord record)
            throws SQLException {
        List<BalanceObservation> offered = new ArrayList<>();
        List<Boolean> maybeNew = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (difference.offer()[i]) {
                offered.add(observations.get(i));
                maybeNew.add(difference.maybeNew()[i]);
            }
        }
        runs.write(connection, offered, maybeNew, newest, previous, record);
    }
}
