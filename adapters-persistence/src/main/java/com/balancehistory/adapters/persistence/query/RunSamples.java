package com.balancehistory.adapters.persistence.query;

import com.balancehistory.adapters.persistence.StoredAmounts;
import com.balancehistory.application.port.out.query.BucketAggregate;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.BalancePoint;
import com.balancehistory.domain.money.CurrencyCodes;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.jooq.DSLContext;

/**
 * One account's snapshots in a time range, expanded in Java from what is stored: its runs overlapping the range (one
 * row per run) and its source's sightings in the range (the poll ledger), plus the rare per-poll rows of polls
 * recorded late. A sighting inside a run is a snapshot with the run's value; a sighting outside every run of the
 * account (missing from that poll, or gone) is none; failed polls are no sightings. This answers exactly as the
 * generated {@code balance_snapshot} view does, without its join of every run with every poll of the source, which
 * makes long ranges of raw points slow.
 */
final class RunSamples {

    /**
     * kind 0: a closed run, 1: the open run (the latest row while it follows its source's newest poll, seen from its
     * observed_at on), 2: a poll's row recorded late, itself one snapshot.
     */
    static final String RUNS = """
            SELECT 0 AS kind, r.first_seen_at AS from_at, r.last_seen_at AS to_at, 0::bigint AS poll_id,
                   r.currency, r.available
            FROM account a
            -- an account's runs never overlap, so none after the first one ending at or after the range's end
            -- reaches into the range: the key is read up to it, and the partitions of later months not at all
            CROSS JOIN LATERAL (SELECT coalesce((SELECT n.last_seen_at
                                                 FROM balance_run n
                                                 WHERE n.account_key = a.account_key
                                                   AND n.last_seen_at >= ?::timestamptz
                                                 ORDER BY n.last_seen_at
                                                 LIMIT 1), 'infinity') AS until) b
            JOIN balance_run r ON r.account_key = a.account_key AND r.last_seen_at >= ?::timestamptz
                              AND r.last_seen_at <= b.until
            WHERE a.id = ? AND r.first_seen_at < ?::timestamptz
            UNION ALL
            SELECT 1, l.observed_at, NULL, 0, l.currency, l.available
            FROM latest_balance l
            WHERE l.account_id = ? AND l.follows_source_poll AND l.observed_at < ?::timestamptz
            UNION ALL
            SELECT 2, s.observed_at, s.observed_at, s.poll_id, s.currency, s.available
            FROM account a
            JOIN balance_late_snapshot s ON s.account_key = a.account_key
            WHERE a.id = ? AND s.observed_at >= ?::timestamptz AND s.observed_at < ?::timestamptz
            """;

    private static final String SIGHTINGS = """
            SELECT p.finished_at, p.poll_id
            FROM poll_source_result p
            WHERE p.source = (SELECT a.source FROM account a WHERE a.id = ?) AND p.balances_recorded
              AND p.finished_at >= ?::timestamptz AND p.finished_at < ?::timestamptz
            ORDER BY p.finished_at, p.poll_id
            """;

    private static final Comparator<Sample> IN_ORDER =
            Comparator.comparing(Sample::at).thenComparingLong(Sample::pollId);

    private static final int CLOSED = 0;
    private static final int OPEN = 1;

    /** A stored value and the times it spans: first to last sighting, both included; {@code to} null while open. */
    private record Run(Instant from, Instant to, String currency, BigDecimal available) {

        boolean spans(Instant at) {
            return !at.isBefore(from) && (to == null || !at.isAfter(to));
        }

        boolean endsBefore(Instant at) {
            return to != null && to.isBefore(at);
        }
    }

    /** One snapshot: when, by which poll, and the value. */
    private record Sample(Instant at, long pollId, String currency, BigDecimal available) {

        BalancePoint point() {
            return BalancePoint.of(at, StoredAmounts.money(available, CurrencyCodes.require(currency)));
        }
    }

    private RunSamples() {}

    /** How many snapshots of the account were observed in {@code [from, to)}. */
    static long count(DSLContext dsl, AccountId account, Instant from, Instant to) {
        return samples(dsl, account, from, to, Integer.MAX_VALUE).size();
    }

    /** The account's available balance per snapshot in {@code [from, to)}, by time and poll, at most {@code limit}. */
    static List<BalancePoint> points(DSLContext dsl, AccountId account, Instant from, Instant to, int limit) {
        List<Sample> samples = samples(dsl, account, from, to, limit);
        List<BalancePoint> points = new ArrayList<>(samples.size());
        samples.forEach(sample -> points.add(sample.point()));
        return points;
    }

    /**
     * The account's snapshots aggregated per bucket {@code [boundaries[i], boundaries[i + 1])}, as SQL's
     * {@code width_bucket} over the boundaries numbers them: open and close by time and poll, lowest and highest, how
     * many, and the bucket's currency (the least code, as {@code min(currency)} gives). Buckets without a snapshot are
     * left out.
     */
    static List<BucketAggregate> buckets(DSLContext dsl, AccountId account, List<Instant> boundaries) {
        List<Sample> samples =
                samples(dsl, account, boundaries.get(0), boundaries.get(boundaries.size() - 1), Integer.MAX_VALUE);
        List<BucketAggregate> buckets = new ArrayList<>();
        int start = 0;
        while (start < samples.size()) {
            int bucket = bucketOf(samples.get(start).at(), boundaries);
            int end = start + 1;
            while (end < samples.size() && bucketOf(samples.get(end).at(), boundaries) == bucket) {
                end++;
            }
            buckets.add(aggregate(bucket, samples.subList(start, end)));
            start = end;
        }
        return buckets;
    }

    /** The number of boundaries at or before {@code at}, less one: {@code width_bucket(at, boundaries) - 1}. */
    private static int bucketOf(Instant at, List<Instant> boundaries) {
        int low = 0;
        int high = boundaries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (boundaries.get(middle).isAfter(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low - 1;
    }

    /** One bucket's snapshots, in time and poll order. */
    private static BucketAggregate aggregate(int bucket, List<Sample> samples) {
        String currency = samples.get(0).currency();
        BigDecimal min = samples.get(0).available();
        BigDecimal max = min;
        for (Sample sample : samples) {
            if (sample.currency().compareTo(currency) < 0) {
                currency = sample.currency();
            }
            min = sample.available().compareTo(min) < 0 ? sample.available() : min;
            max = sample.available().compareTo(max) > 0 ? sample.available() : max;
        }
        Currency code = CurrencyCodes.require(currency);
        return new BucketAggregate(
                bucket,
                StoredAmounts.money(samples.get(0).available(), code),
                StoredAmounts.money(samples.get(samples.size() - 1).available(), code),
                StoredAmounts.money(min, code),
                StoredAmounts.money(max, code),
                samples.size());
    }

    private static List<Sample> samples(DSLContext dsl, AccountId account, Instant from, Instant to, int limit) {
        String id = account.value();
        String start = from.toString();
        String end = to.toString();
        return dsl.connectionResult(connection -> {
            List<Run> runs = new ArrayList<>();
            List<Sample> late = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(RUNS)) {
                bind(statement, end, start, id, end, id, end, id, start, end);
                try (ResultSet rs = statement.executeQuery()) {
                    int kindColumn = rs.findColumn("kind");
                    int fromAt = rs.findColumn("from_at");
                    int toAt = rs.findColumn("to_at");
                    int pollId = rs.findColumn("poll_id");
                    int currency = rs.findColumn("currency");
                    int available = rs.findColumn("available");
                    while (rs.next()) {
                        int kind = rs.getInt(kindColumn);
                        Instant runFrom = instant(rs, fromAt);
                        if (kind == CLOSED || kind == OPEN) {
                            runs.add(new Run(
                                    runFrom,
                                    kind == OPEN ? null : instant(rs, toAt),
                                    rs.getString(currency),
                                    rs.getBigDecimal(available)));
                        } else {
                            late.add(new Sample(
                                    runFrom, rs.getLong(pollId), rs.getString(currency), rs.getBigDecimal(available)));
                        }
                    }
                }
            }
            if (runs.isEmpty() && late.isEmpty()) {
                return List.of();
            }
            runs.sort(Comparator.comparing(Run::from));
            late.sort(IN_ORDER);
            List<Sample> seen = new ArrayList<>();
            if (!runs.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(SIGHTINGS)) {
                    bind(statement, id, start, end);
                    try (ResultSet rs = statement.executeQuery()) {
                        int finishedAt = rs.findColumn("finished_at");
                        int pollId = rs.findColumn("poll_id");
                        int run = 0;
                        while (rs.next() && run < runs.size()) {
                            Instant at = instant(rs, finishedAt);
                            // runs of one account never overlap, and sightings come in time order
                            while (run < runs.size() && runs.get(run).endsBefore(at)) {
                                run++;
                            }
                            if (run < runs.size() && runs.get(run).spans(at)) {
                                Run r = runs.get(run);
                                seen.add(new Sample(at, rs.getLong(pollId), r.currency(), r.available()));
                            }
                        }
                    }
                }
            }
            return merged(seen, late, limit);
        });
    }

    /** Both lists are in time and poll order; so is the result, cut at {@code limit}. */
    private static List<Sample> merged(List<Sample> seen, List<Sample> late, int limit) {
        if (late.isEmpty()) {
            return seen.size() <= limit ? seen : seen.subList(0, limit);
        }
        List<Sample> all = new ArrayList<>(Math.min(limit, seen.size() + late.size()));
        int i = 0;
        int j = 0;
        while (all.size() < limit && (i < seen.size() || j < late.size())) {
            if (j == late.size() || (i < seen.size() && IN_ORDER.compare(seen.get(i), late.get(j)) < 0)) {
                all.add(seen.get(i++));
            } else {
                all.add(late.get(j++));
            }
        }
        return all;
    }

    private static void bind(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
