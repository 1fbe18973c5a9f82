package com.balancehistory.application.port.in.query;

import java.util.List;

/** An overview of the latest balances per currency, sorted by currency code; never one total across currencies. */
public interface SummarizeBalancesUseCase {

    List<CurrencySummary> overview();
}
