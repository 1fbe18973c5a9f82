package com.balancehistory.domain.limit;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A card's spending limits: what remains per period (never negative) and, optionally, the configured totals, all in
 * the card's currency. The periods are the ones with a remaining amount; totals configured for other periods are
 * ignored, since nothing can be said about a period the provider does not report.
 */
public record CardLimits(Currency currency, Map<LimitPeriod, Money> remaining, LimitTotals totals) {

    public CardLimits {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(remaining, "remaining");
        totals = totals == null ? LimitTotals.none() : totals;
        if (remaining.isEmpty()) {
            throw new IllegalArgumentException("card limits need at least one period");
        }
        remaining.forEach((period, amount) -> {
            requireCurrency(currency, amount, period.apiName() + " remaining limit");
            if (amount.isNegative()) {
                throw new IllegalArgumentException(period.apiName() + " remaining limit is negative: " + amount);
            }
        });
        for (Map.Entry<LimitPeriod, Money> total : totals.totals().entrySet()) {
            requireCurrency(currency, total.getValue(), total.getKey().apiName() + " limit total");
        }
        remaining = Collections.unmodifiableMap(new EnumMap<>(remaining));
    }

    /** Limits with remaining amounts only; the currency is taken from the amounts. */
    public static CardLimits of(Map<LimitPeriod, Money> remaining) {
        return of(remaining, LimitTotals.none());
    }

    public static CardLimits of(Map<LimitPeriod, Money> remaining, LimitTotals totals) {
        Money any = remaining.values().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("card limits need at least one period"));
        return new CardLimits(any.currency(), remaining, totals);
    }

    /** The limits of an observed card, in the card's currency, with configured totals. */
    public static CardLimits of(CardLimitObservation observation, LimitTotals totals) {
        return new CardLimits(observation.card().currency(), observation.remaining(), totals);
    }

    public Optional<Money> remaining(LimitPeriod period) {
        return Optional.ofNullable(remaining.get(period));
    }

    /** The smallest remaining amount over all periods: the largest single purchase that fits. */
    public Money headroom() {
        return remaining.values().stream().reduce(Money::min).orElseThrow();
    }

    /** The status of one period, empty when the card has no limit for it. */
    public Optional<LimitStatus> status(LimitPeriod period) {
        return remaining(period).map(left -> LimitStatus.of(period, left, totals.total(period)));
    }

    /** The status of every period the card has, in period order (daily first). */
    public List<LimitStatus> statuses() {
        return remaining.entrySet().stream()
                .map(entry -> LimitStatus.of(entry.getKey(), entry.getValue(), totals.total(entry.getKey())))
                .toList();
    }

    /** Whether a purchase fits every period; see {@link PurchaseCheck}. */
    public PurchaseCheck check(Money purchase) {
        return PurchaseCheck.of(this, purchase);
    }

    /** Whether a list of expenses fits every period; see {@link ExpensePlan}. */
    public ExpensePlanResult evaluate(ExpensePlan plan) {
        return plan.evaluateAgainst(this);
    }

    void requireCardCurrency(Money amount, String what) {
        requireCurrency(currency, amount, what);
    }

    private static void requireCurrency(Currency currency, Money amount, String what) {
        Objects.requireNonNull(amount, what);
        if (!amount.hasCurrency(currency)) {
            throw new CurrencyMismatchException(what + " is in " + amount.currencyCode() + " but the card is in "
                    + currency.getCurrencyCode() + "; limits are never converted");
        }
    }
}
