package com.balancehistory.application.port.in.fx;

import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.MoneyBag;
import java.time.Instant;
import java.util.Currency;

/** Per-currency totals expressed in one reporting currency with the configured and stored rates, never 1:1. */
public interface ConvertTotalsUseCase {

    ConvertedTotal convert(MoneyBag totals, Currency target, Instant asOf);
}
