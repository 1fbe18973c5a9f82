package com.balancehistory.domain.money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange rates known, at most one per pair and date, and the age after which a rate is stale.
 *
 * <p>For a pair and an as-of instant the book answers with the newest rate dated at or before it. A rate dated D
 * applies from the start of D in UTC (rates carry a date, not a time), so a rate dated today is usable all of today.
 * Only direct pairs: a rate EUR->USD never converts USD into EUR and no cross rate is derived through a third
 * currency, because either would be a number nobody published.
 *
 * <p>Books are built in layers ({@link #layered}): a later layer's rate replaces an earlier layer's rate for the same
 * pair and date (stored rates over configured ones, a newer stored version over an older one), while rates for other
 * dates stay. Within one layer two different rates for the same pair and date are refused as ambiguous.
 */
public final class FxRateBook {

    private final Map<String, NavigableMap<LocalDate, FxRate>> byPair;
    private final Duration staleAfter;

    private FxRateBook(Map<String, NavigableMap<LocalDate, FxRate>> byPair, Duration staleAfter) {
        this.byPair = byPair;
        this.staleAfter = staleAfter;
    }

    /** One layer of rates. */
    public static FxRateBook of(Collection<FxRate> rates, Duration staleAfter) {
        return layered(List.of(List.copyOf(rates)), staleAfter);
    }

    /** Layers in order of precedence, lowest first: on the same pair and date the later layer wins. */
    public static FxRateBook layered(List<? extends Collection<FxRate>> layers, Duration staleAfter) {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after must be positive, got " + staleAfter);
        }
        Map<String, NavigableMap<LocalDate, FxRate>> byPair = new TreeMap<>();
        for (Collection<FxRate> layer : layers) {
            Map<String, NavigableMap<LocalDate, FxRate>> own = new TreeMap<>();
            for (FxRate rate : layer) {
                FxRate before = own.computeIfAbsent(rate.pair(), pair -> new TreeMap<>())
                        .putIfAbsent(rate.date(), rate);
                if (before != null && !before.equals(rate)) {
                    throw new IllegalArgumentException("ambiguous rates " + rate.pair() + " on " + rate.date() + ": "
                            + before.rate().toPlainString() + " (" + before.source() + ") and "
                            + rate.rate().toPlainString() + " (" + rate.source() + ")");
                }
            }
            own.forEach((pair, dates) ->
                    byPair.computeIfAbsent(pair, p -> new TreeMap<>()).putAll(dates));
        }
        return new FxRateBook(byPair, staleAfter);
    }

    public static FxRateBook empty(Duration staleAfter) {
        return of(List.of(), staleAfter);
    }

    /** The newest rate {@code from -> to} dated at or before {@code asOf}; empty when there is none. */
    public Optional<FxRate> rate(Currency from, Currency to, Instant asOf) {
        NavigableMap<LocalDate, FxRate> dates = byPair.get(from.getCurrencyCode() + "->" + to.getCurrencyCode());
        if (dates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(dates.floorEntry(dayOf(asOf))).map(Map.Entry::getValue);
    }

    /** For every pair, the rate that applies at {@code asOf}, sorted by pair. */
    public List<FxRate> ratesAt(Instant asOf) {
        List<FxRate> rates = new ArrayList<>();
        byPair.values().forEach(dates -> {
            Map.Entry<LocalDate, FxRate> entry = dates.floorEntry(dayOf(asOf));
            if (entry != null) {
                rates.add(entry.getValue());
            }
        });
        return rates;
    }

    /** Every rate in the book, by pair then date. */
    public List<FxRate> all() {
        List<FxRate> rates = new ArrayList<>();
        byPair.values().forEach(dates -> rates.addAll(dates.values()));
        rates.sort(Comparator.comparing(FxRate::pair).thenComparing(FxRate::date));
        return rates;
    }

    /** How old a rate is at {@code asOf}, counted from the start of its date in UTC. */
    public static Duration age(FxRate rate, Instant asOf) {
        return Duration.between(rate.date().atStartOfDay(ZoneOffset.UTC).toInstant(), asOf);
    }

    /** A rate older than the configured age at {@code asOf} is still used, but flagged. */
    public boolean isStale(FxRate rate, Instant asOf) {
        return age(rate, asOf).compareTo(staleAfter) > 0;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    private static LocalDate dayOf(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }
}
