package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import java.util.Optional;

/** One account's latest balance with health and low-balance state; empty for an account without balances. */
public interface GetAccountBalanceUseCase {

    Optional<AccountBalanceDetail> get(AccountId account);
}
