package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.Label;
import java.util.List;

/** An overview of the latest balances per currency, sorted by currency code; never one total across currencies. */
public interface SummarizeBalancesUseCase {

    default List<CurrencySummary> overview() {
        return overview(List.of());
    }

    /** The overview of the accounts that have every one of {@code labels} now (all accounts when none). */
    List<CurrencySummary> overview(List<Label> labels);

    /**
     * The accounts that have every one of {@code labels}, grouped by the value of label {@code key} (accounts without
     * it last, as their own group) and within each group per currency.
     */
    List<LabelGroupSummary> overviewByLabel(String key, List<Label> labels);
}
