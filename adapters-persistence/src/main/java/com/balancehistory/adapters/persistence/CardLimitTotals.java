package com.balancehistory.adapters.persistence;

import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.util.Map;

/** Configured total limits per card and period (providers report only what remains), stored beside each reading. */
@FunctionalInterface
public interface CardLimitTotals {

    Map<LimitPeriod, Money> totalsFor(Account card);

    static CardLimitTotals none() {
        return card -> Map.of();
    }
}
