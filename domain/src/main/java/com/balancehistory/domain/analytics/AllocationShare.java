package com.balancehistory.domain.analytics;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** One account's share of its currency's total, as a percentage with two decimals (e.g. {@code 33.34}). */
public record AllocationShare(AccountId account, String name, Money balance, BigDecimal percent) {

    public AllocationShare {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(percent, "percent");
        if (percent.scale() != CurrencyAllocation.PERCENT_SCALE) {
            throw new IllegalArgumentException(
                    "a share has scale " + CurrencyAllocation.PERCENT_SCALE + ", got " + percent.toPlainString());
        }
        if (percent.signum() < 0 || percent.compareTo(CurrencyAllocation.ONE_HUNDRED) > 0) {
            throw new IllegalArgumentException("a share is between 0 and 100 percent, got " + percent.toPlainString());
        }
    }
}
