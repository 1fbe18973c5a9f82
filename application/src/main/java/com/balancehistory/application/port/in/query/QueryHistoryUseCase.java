package com.balancehistory.application.port.in.query;

import java.util.Optional;

/** One account's balance history; empty for an unknown account. */
public interface QueryHistoryUseCase {

    /** @throws InvalidQueryException for a range with too many raw points or buckets */
    Optional<BalanceHistory> history(HistoryQuery query);
}
