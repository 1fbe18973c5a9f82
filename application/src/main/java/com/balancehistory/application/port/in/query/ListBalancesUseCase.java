package com.balancehistory.application.port.in.query;

/** Lists the latest balance of every account, filtered, sorted and paged. */
public interface ListBalancesUseCase {

    BalancePage list(BalanceListQuery query);
}
