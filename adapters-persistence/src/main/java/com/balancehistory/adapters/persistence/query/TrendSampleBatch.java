package com.balancehistory.adapters.persistence.query;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.port.out.query.TrendSamples;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.CurrencyCodes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Many accounts' samples in one window, in summary ({@link TrendSamples}), in two statements whatever the number of
 * accounts: every run, open run and late row of the accounts reaching into the window, and their sources' sightings
 * in it. A run's samples are the sightings between its first and last one; they are counted by binary search in the
 * source's sorted sightings, and only the run's first and last sighting in the window are kept (with the sightings on
 * both sides of a late row falling inside the run), so a month of five-minute polls costs each account its runs, not
 * its samples. The samples are those {@link RunSamples} expands one by one.
 */
final class TrendSampleBatch {

    private static final String RUNS = """
            SELECT a.id AS account_id, a.source, 0 AS kind, r.first_seen_at AS from_at, r.last_seen_at AS to_at, 0::bigint AS poll_id,
                   r.currency, r.available
            FROM account a
            JOIN balance_run r ON r.account_key = a.account_key
            WHERE a.id = ANY(?) AND r.last_seen_at >= ?::timestamptz AND r.first_seen_at < ?::timestamptz
            UNION ALL
            SELECT l.account_id, a.source, 1, l.observed_at, NULL, 0, l.currency, l.available
            FROM latest_balance l
            JOIN account a ON a.id = l.account_id
            WHERE l.account_id = ANY(?) AND l.follows_source_poll AND l.observed_at < ?::timestamptz
            UNION ALL
            SELECT a.id, a.source, 2, s.observed_at, s.observed_at, s.poll_id, s.currency, s.available
            FROM account a
            JOIN balance_late_snapshot s ON s.account_key = a.account_key
            WHERE a.id = ANY(?) AND s.observed_at >= ?::timestamptz AND s.observed_at < ?::timestamptz
            """;

    private static final String SIGHTINGS = """
            SELECT p.source, p.finished_at, p.poll_id
            FROM poll_source_result p
            WHERE p.source = ANY(?) AND p.balances_recorded
              AND p.finished_at >= ?::timestamptz AND p.finished_at < ?::timestamptz
            ORDER BY p.source, p.finished_at, p.poll_id
            """;

    private static final int OPEN = 1;
    private static final int LATE = 2;

    private static final Comparator<Sample> IN_ORDER =
            Comparator.comparing(Sample::at).thenComparingLong(Sample::pollId);

    /** A stored value from its first to its last sighting, both included; {@code to} null while open. */
    private record Run(Instant from, Instant to, String currency, BigDecimal available) {}

    /** One snapshot: when, by which poll, and the value. */
    private record Sample(Instant at, long pollId, String currency, BigDecimal available) {

        BalancePoint point() {
            return BalancePoint.of(at, StoredAmounts.money(available, CurrencyCodes.require(currency)));
        }
    }

    /** What is read of one account: its source, runs and late rows. */
    private static final class Stored {
        final String source;
        final List<Run> runs = new ArrayList<>();
        final List<Sample> late = new ArrayList<>();

        Stored(String source) {
            this.source = source;
        }
    }

    private TrendSampleBatch() {}

    /** The samples of each account in {@code [from, to)} in summary, every one of {@code accounts} mapped. */
    static Map<AccountId, TrendSamples> read(DSLContext dsl, Collection<AccountId> accounts, Instant from, Instant to) {
        Map<AccountId, TrendSamples> result = new LinkedHashMap<>();
        accounts.forEach(account -> result.put(account, TrendSamples.NONE));
        if (accounts.isEmpty()) {
            return result;
        }
        // the statements select a little more when from has nanoseconds; the exact bounds are applied here
        String start = from.truncatedTo(ChronoUnit.MICROS).toString();
        String end = to.toString();
        dsl.connection(connection -> {
            Map<String, Stored> stored = readRuns(connection, accounts, start, end);
            Map<String, SourceSightings> sightings = readSightings(connection, stored, start, end);
            for (Map.Entry<String, Stored> entry : stored.entrySet()) {
                Stored account = entry.getValue();
                SourceSightings ofSource = sightings.getOrDefault(account.source, SourceSightings.NONE);
                result.put(new AccountId(entry.getKey()), summarise(account, ofSource, from, to));
            }
        });
        return result;
    }

    private static Map<String, Stored> readRuns(
            Connection connection, Collection<AccountId> accounts, String start, String end) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        Array ids = connection.createArrayOf(
                "text", accounts.stream().map(AccountId::value).distinct().toArray());
        try (PreparedStatement statement = connection.prepareStatement(RUNS)) {
            statement.setArray(1, ids);
            statement.setString(2, start);
            statement.setString(3, end);
            statement.setArray(4, ids);
            statement.setString(5, end);
            statement.setArray(6, ids);
            statement.setString(7, start);
            statement.setString(8, end);
            try (ResultSet rs = statement.executeQuery()) {
                int accountId = rs.findColumn("account_id");
                int source = rs.findColumn("source");
                int kindColumn = rs.findColumn("kind");
                int fromAt = rs.findColumn("from_at");
                int toAt = rs.findColumn("to_at");
                int pollId = rs.findColumn("poll_id");
                int currency = rs.findColumn("currency");
                int available = rs.findColumn("available");
                while (rs.next()) {
                    String id = rs.getString(accountId);
                    Stored account = stored.get(id);
                    if (account == null) {
                        account = new Stored(rs.getString(source));
                        stored.put(id, account);
                    }
                    int kind = rs.getInt(kindColumn);
                    Instant runFrom = instant(rs, fromAt);
                    if (kind == LATE) {
                        account.late.add(new Sample(
                                runFrom, rs.getLong(pollId), rs.getString(currency), rs.getBigDecimal(available)));
                    } else {
                        account.runs.add(new Run(
                                runFrom,
                                kind == OPEN ? null : instant(rs, toAt),
                                rs.getString(currency),
                                rs.getBigDecimal(available)));
                    }
                }
            }
        } finally {
            ids.free();
        }
        return stored;
    }

    private static Map<String, SourceSightings> readSightings(
            Connection connection, Map<String, Stored> stored, String start, String end) throws SQLException {
        Object[] sources = stored.values().stream()
                .filter(account -> !account.runs.isEmpty())
                .map(account -> account.source)
                .distinct()
                .toArray();
        Map<String, SourceSightings> bySource = new HashMap<>();
        if (sources.length == 0) {
            return bySource;
        }
        Array array = connection.createArrayOf("text", sources);
        try (PreparedStatement statement = connection.prepareStatement(SIGHTINGS)) {
            statement.setArray(1, array);
            statement.setString(2, start);
            statement.setString(3, end);
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                int sourceColumn = rs.findColumn("source");
                int finishedAt = rs.findColumn("finished_at");
                int pollId = rs.findColumn("poll_id");
                String source = null;
                List<Instant> at = new ArrayList<>();
                List<Long> pollIds = new ArrayList<>();
                while (rs.next()) {
                    String next = rs.getString(sourceColumn);
                    if (source != null && !source.equals(next)) {
                        bySource.put(source, SourceSightings.of(at, pollIds));
                        at.clear();
                        pollIds.clear();
                    }
                    source = next;
                    at.add(instant(rs, finishedAt));
                    pollIds.add(rs.getLong(pollId));
                }
                if (source != null) {
                    bySource.put(source, SourceSightings.of(at, pollIds));
                }
            }
        } finally {
            array.free();
        }
        return bySource;
    }

    /** One account's samples in {@code [from, to)}: its runs' sightings and its late rows, in summary. */
    private static TrendSamples summarise(Stored account, SourceSightings sightings, Instant from, Instant to) {
        List<Sample> late = account.late.stream()
                .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                .sorted(IN_ORDER)
                .toList();
        List<Run> runs = new ArrayList<>(account.runs);
        runs.sort(Comparator.comparing(Run::from));
        int windowStart = sightings.firstAtOrAfter(from);
        int windowEnd = sightings.firstAtOrAfter(to);
        long count = late.size();
        List<Sample> kept = new ArrayList<>();
        for (Run run : runs) {
            int low = Math.max(windowStart, sightings.firstAtOrAfter(run.from()));
            int high = Math.min(windowEnd, run.to() == null ? sightings.size() : sightings.firstAfter(run.to()));
            if (low >= high) {
                continue;
            }
            count += high - low;
            TreeSet<Integer> positions = new TreeSet<>(List.of(low, high - 1));
            for (Sample row : late) {
                // a late row among the run's sightings: its neighbours on both sides are changes of value
                int after = sightings.firstAfter(row.at(), row.pollId());
                if (after > low && after < high) {
                    positions.add(after - 1);
                    positions.add(after);
                }
            }
            for (int position : positions) {
                kept.add(new Sample(
                        sightings.at()[position], sightings.pollId()[position], run.currency(), run.available()));
            }
        }
        if (count == 0) {
            return TrendSamples.NONE;
        }
        kept.addAll(late);
        kept.sort(IN_ORDER);
        List<BalancePoint> points = new ArrayList<>(kept.size());
        kept.forEach(sample -> points.add(sample.point()));
        return new TrendSamples(points, count);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
