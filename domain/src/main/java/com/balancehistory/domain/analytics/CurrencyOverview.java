package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Count, total, average, highest and lowest available balance of the accounts in one currency. Overviews are only ever
 * computed per currency: there is no figure across currencies.
 *
 * <p>{@code average} is {@code total / count} rounded {@link RoundingMode#HALF_EVEN} to the currency's scale. On equal
 * balances, {@code highest} and {@code lowest} are the account with the smallest id, so results do not depend on the
 * order the accounts arrive in.
 */
public record CurrencyOverview(
        Currency currency, int count, Money total, Money average, AccountBalance highest, AccountBalance lowest) {

    public CurrencyOverview {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(highest, "highest");
        Objects.requireNonNull(lowest, "lowest");
        if (count < 1) {
            throw new IllegalArgumentException("an overview covers at least one account");
        }
        if (!total.hasCurrency(currency)
                || !average.hasCurrency(currency)
                || !highest.available().hasCurrency(currency)
                || !lowest.available().hasCurrency(currency)) {
            throw new IllegalArgumentException("every figure of a " + currency + " overview is in " + currency);
        }
    }

    /**
     * One overview per currency present, sorted by currency code; empty for no accounts. An account listed twice is
     * rejected, since it would be counted twice.
     */
    public static List<CurrencyOverview> perCurrency(Collection<AccountBalance> balances) {
        requireDistinctAccounts(balances);
        Map<String, List<AccountBalance>> byCode = new TreeMap<>();
        for (AccountBalance balance : balances) {
            byCode.computeIfAbsent(balance.available().currencyCode(), code -> new ArrayList<>())
                    .add(balance);
        }
        return byCode.values().stream().map(CurrencyOverview::ofOneCurrency).toList();
    }

    private static CurrencyOverview ofOneCurrency(List<AccountBalance> accounts) {
        Currency currency = accounts.get(0).currency();
        Money total = accounts.stream().map(AccountBalance::available).reduce(Money.zero(currency), Money::plus);
        BigDecimal average = total.amount()
                .divide(
                        BigDecimal.valueOf(accounts.size()),
                        currency.getDefaultFractionDigits(),
                        RoundingMode.HALF_EVEN);
        Comparator<AccountBalance> byAmount = Comparator.comparing(AccountBalance::available);
        Comparator<AccountBalance> byId =
                Comparator.comparing(balance -> balance.id().value());
        AccountBalance highest =
                accounts.stream().min(byAmount.reversed().thenComparing(byId)).orElseThrow();
        AccountBalance lowest =
                accounts.stream().min(byAmount.thenComparing(byId)).orElseThrow();
        return new CurrencyOverview(currency, accounts.size(), total, Money.of(average, currency), highest, lowest);
    }

    static void requireDistinctAccounts(Collection<AccountBalance> balances) {
        Set<AccountId> seen = new HashSet<>();
        for (AccountBalance balance : balances) {
            if (!seen.add(balance.id())) {
                throw new IllegalArgumentException("account " + balance.id() + " is listed more than once");
            }
        }
    }
}
