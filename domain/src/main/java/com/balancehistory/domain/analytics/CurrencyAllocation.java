package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the money in one currency is spread over its accounts, as percentages that add up to exactly 100.00.
 *
 * <p>Rounding: shares are percentages at scale {@value #PERCENT_SCALE}, apportioned with the largest-remainder
 * (Hamilton) method: every account first gets its exact share rounded down to 0.01 %, then the 0.01 % units still
 * missing from 100.00 go one each to the accounts with the largest cut-off remainder. Ties on the remainder go to the
 * larger balance, then to the smaller account id, so the result never depends on input order.
 *
 * <p>The base is the sum of positive balances. Accounts at zero or below (an overdrawn card) hold no part of the
 * money and get 0.00 % without reducing the others. When no account is positive, {@code zeroBase} is true, the
 * base is zero and every share is 0.00 (the shares then do not add up to 100).
 *
 * <p>Shares are listed largest first (then larger balance, then smaller account id).
 */
public record CurrencyAllocation(Currency currency, Money base, List<AllocationShare> shares, boolean zeroBase) {

    public static final int PERCENT_SCALE = 2;
    static final BigDecimal ONE_HUNDRED = new BigDecimal("100.00");
    /** 100.00 % in units of 0.01 %. */
    private static final BigInteger UNITS_IN_WHOLE = BigInteger.valueOf(10_000);

    private static final Comparator<AllocationShare> DISPLAY_ORDER = Comparator.comparing(AllocationShare::percent)
            .reversed()
            .thenComparing(AllocationShare::balance, Comparator.reverseOrder())
            .thenComparing(share -> share.account().value());

    public CurrencyAllocation {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(base, "base");
        shares = List.copyOf(shares);
        if (!base.hasCurrency(currency) || base.isNegative()) {
            throw new IllegalArgumentException(
                    "the base of a " + currency + " allocation is a non-negative " + currency + " amount, got " + base);
        }
        if (zeroBase != base.isZero()) {
            throw new IllegalArgumentException("zeroBase must be true exactly when the base is zero");
        }
        BigDecimal sum = shares.stream().map(AllocationShare::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!zeroBase && sum.compareTo(ONE_HUNDRED) != 0) {
            throw new IllegalArgumentException("shares add up to " + sum.toPlainString() + ", not 100.00");
        }
    }

    /**
     * One allocation per currency present, sorted by currency code; empty for no accounts. An account listed twice
     * is rejected.
     */
    public static List<CurrencyAllocation> perCurrency(Collection<AccountBalance> balances) {
        CurrencyOverview.requireDistinctAccounts(balances);
        Map<String, List<AccountBalance>> byCode = new TreeMap<>();
        for (AccountBalance balance : balances) {
            byCode.computeIfAbsent(balance.available().currencyCode(), code -> new ArrayList<>())
                    .add(balance);
        }
        return byCode.values().stream().map(CurrencyAllocation::ofOneCurrency).toList();
    }

    private static CurrencyAllocation ofOneCurrency(List<AccountBalance> accounts) {
        Currency currency = accounts.get(0).currency();
        List<AccountBalance> holders = accounts.stream()
                .filter(account -> account.available().isPositive())
                .toList();
        Money base = holders.stream().map(AccountBalance::available).reduce(Money.zero(currency), Money::plus);
        List<AllocationShare> shares = new ArrayList<>();
        accounts.stream()
                .filter(account -> !account.available().isPositive())
                .forEach(account -> shares.add(share(account, BigInteger.ZERO)));
        if (!base.isZero()) {
            shares.addAll(apportion(holders, base));
        }
        shares.sort(DISPLAY_ORDER);
        return new CurrencyAllocation(currency, base, shares, base.isZero());
    }

    /** Largest-remainder apportionment of 10,000 units of 0.01 % over positive balances. */
    private static List<AllocationShare> apportion(List<AccountBalance> holders, Money base) {
        // Money keeps every amount at its currency's scale, so unscaled values share one unit and divide exactly.
        BigInteger total = base.amount().unscaledValue();
        record Quota(AccountBalance account, BigInteger floor, BigInteger remainder) {}
        List<Quota> quotas = new ArrayList<>();
        BigInteger allotted = BigInteger.ZERO;
        for (AccountBalance holder : holders) {
            BigInteger[] division = holder.available()
                    .amount()
                    .unscaledValue()
                    .multiply(UNITS_IN_WHOLE)
                    .divideAndRemainder(total);
            quotas.add(new Quota(holder, division[0], division[1]));
            allotted = allotted.add(division[0]);
        }
        quotas.sort(Comparator.comparing(Quota::remainder)
                .reversed()
                .thenComparing(quota -> quota.account().available(), Comparator.reverseOrder())
                .thenComparing(quota -> quota.account().id().value()));
        int leftover = UNITS_IN_WHOLE.subtract(allotted).intValueExact();
        List<AllocationShare> shares = new ArrayList<>();
        for (int i = 0; i < quotas.size(); i++) {
            Quota quota = quotas.get(i);
            BigInteger units = i < leftover ? quota.floor().add(BigInteger.ONE) : quota.floor();
            shares.add(share(quota.account(), units));
        }
        return shares;
    }

    private static AllocationShare share(AccountBalance account, BigInteger units) {
        return new AllocationShare(
                account.id(), account.name(), account.available(), new BigDecimal(units, PERCENT_SCALE));
    }
}
