package com.balancehistory.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Amounts in any number of currencies, totalled per currency. There is deliberately no single sum across currencies:
 * the only way to get one is {@link #convertTo(Currency, FxRateBook, Instant)} with explicit rates. Immutable.
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
     * The bag's value in {@code target} as of {@code asOf}, using only rates from {@code book}.
     *
     * <ul>
     *   <li>Amounts already in {@code target} are taken as they are; they need no rate.</li>
     *   <li>Each other currency's total needs a direct rate {@code currency -> target} dated at or before
     *       {@code asOf} (the newest such); inverse and cross rates are not derived.</li>
     *   <li>The exact products are summed unrounded and the sum is rounded once, half-even, to the target currency's
     *       ISO 4217 scale: rounding each currency first could move the total by up to half a minor unit per
     *       currency.</li>
     *   <li>A currency without a rate is left out of the sum and reported with its amount; the result is partial.
     *       </li>
     * </ul>
     */
    public ConvertedTotal convertTo(Currency target, FxRateBook book, Instant asOf) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(asOf, "asOf");
        BigDecimal sum = BigDecimal.ZERO;
        List<ConvertedTotal.AppliedRate> used = new ArrayList<>();
        List<Money> leftOut = new ArrayList<>();
        for (Money amount : totalsByCode.values()) {
            if (amount.hasCurrency(target)) {
                sum = sum.add(amount.amount());
                continue;
            }
            Optional<FxRate> rate = book.rate(amount.currency(), target, asOf);
            if (rate.isPresent()) {
                BigDecimal product = rate.get().product(amount);
                used.add(new ConvertedTotal.AppliedRate(rate.get(), amount, product, book.isStale(rate.get(), asOf)));
                sum = sum.add(product);
            } else {
                leftOut.add(amount);
            }
        }
        Money total = Money.of(sum.setScale(target.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), target);
        return new ConvertedTotal(total, asOf, used, leftOut);
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
