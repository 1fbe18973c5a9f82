package com.balancehistory.domain.money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Amounts in any number of currencies, totalled per currency. There is deliberately no single sum across currencies:
 * the only way to get one is {@link #convertTo(Currency, Collection)} with explicit rates. Immutable.
 */
public final class MoneyBag {

    private static final MoneyBag EMPTY = new MoneyBag(new TreeMap<>());

    /** Totals keyed by currency code, so iteration is sorted by code. */
    private final TreeMap<String, Money> totalsByCode;

    private MoneyBag(TreeMap<String, Money> totalsByCode) {
        this.totalsByCode = totalsByCode;
    }

    public static MoneyBag empty() {
        return EMPTY;
    }

    public static MoneyBag of(Money... amounts) {
        return of(List.of(amounts));
    }

    public static MoneyBag of(Collection<Money> amounts) {
        TreeMap<String, Money> totals = new TreeMap<>();
        for (Money amount : amounts) {
            Objects.requireNonNull(amount, "amount");
            totals.merge(amount.currencyCode(), amount, Money::plus);
        }
        return new MoneyBag(totals);
    }

    /** A new bag with {@code amount} added to the total of its currency. */
    public MoneyBag plus(Money amount) {
        Objects.requireNonNull(amount, "amount");
        TreeMap<String, Money> totals = new TreeMap<>(totalsByCode);
        totals.merge(amount.currencyCode(), amount, Money::plus);
        return new MoneyBag(totals);
    }

    /** A new bag holding the totals of both bags. */
    public MoneyBag plus(MoneyBag other) {
        TreeMap<String, Money> totals = new TreeMap<>(totalsByCode);
        other.totalsByCode.values().forEach(amount -> totals.merge(amount.currencyCode(), amount, Money::plus));
        return new MoneyBag(totals);
    }

    /** One total per currency that was ever added, sorted by currency code. */
    public List<Money> totals() {
        return List.copyOf(totalsByCode.values());
    }

    /** The total in one currency; empty when nothing in that currency was added. */
    public Optional<Money> total(Currency currency) {
        return Optional.ofNullable(totalsByCode.get(currency.getCurrencyCode()));
    }

    public List<Currency> currencies() {
        return totalsByCode.values().stream().map(Money::currency).toList();
    }

    public boolean isEmpty() {
        return totalsByCode.isEmpty();
    }

    /**
     * The bag's value in {@code target} using only the given rates.
     *
     * <ul>
     *   <li>Amounts already in {@code target} are taken as they are.</li>
     *   <li>Each other currency needs a rate {@code currency -> target} among {@code rates}; inverse or cross rates
     *       are not derived. When several rates exist for the pair, the one with the latest date is used; two rates
     *       for the same pair and latest date that disagree are ambiguous and rejected.</li>
     *   <li>Each currency's total is converted once and rounded half-even to the target currency's scale; the
     *       result is the exact sum of those rounded amounts, so it can be re-checked line by line.</li>
     *   <li>A currency without a rate is left out and reported; the result is then partial.</li>
     * </ul>
     */
    public ConvertedTotal convertTo(Currency target, Collection<FxRate> rates) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rates, "rates");
        Money total = Money.zero(target);
        List<FxRate> used = new ArrayList<>();
        List<Currency> missing = new ArrayList<>();
        for (Money amount : totalsByCode.values()) {
            if (amount.hasCurrency(target)) {
                total = total.plus(amount);
                continue;
            }
            Optional<FxRate> rate = latestRate(amount.currency(), target, rates);
            if (rate.isPresent()) {
                used.add(rate.get());
                total = total.plus(rate.get().convert(amount));
            } else {
                missing.add(amount.currency());
            }
        }
        return new ConvertedTotal(total, used, missing);
    }

    private static Optional<FxRate> latestRate(Currency from, Currency to, Collection<FxRate> rates) {
        List<FxRate> candidates =
                rates.stream().filter(rate -> rate.converts(from, to)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate latest = candidates.stream()
                .map(FxRate::date)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<FxRate> onLatest =
                candidates.stream().filter(rate -> rate.date().equals(latest)).toList();
        boolean disagree = onLatest.stream()
                        .map(rate -> rate.rate().stripTrailingZeros())
                        .distinct()
                        .count()
                > 1;
        if (disagree) {
            throw new IllegalArgumentException("ambiguous rates " + from.getCurrencyCode() + "->"
                    + to.getCurrencyCode() + " on " + latest + ": "
                    + onLatest.stream()
                            .map(rate -> rate.rate().toPlainString() + " (" + rate.source() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return Optional.of(onLatest.get(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoneyBag other && totalsByCode.equals(other.totalsByCode);
    }

    @Override
    public int hashCode() {
        return totalsByCode.hashCode();
    }

    @Override
    public String toString() {
        return totalsByCode.values().stream().map(Money::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
