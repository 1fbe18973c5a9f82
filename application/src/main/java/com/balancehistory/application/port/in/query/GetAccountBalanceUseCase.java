package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import java.time.Instant;
import java.util.Optional;

/** One account's latest balance with health and low-balance state; empty for an account without balances. */
public interface GetAccountBalanceUseCase {

    Optional<AccountBalanceDetail> get(AccountId account);

    /**
     * The account's balance as last observed at or before {@code asOf}, health and low-balance state judged on that
     * value (against the other accounts' values then, where a rule needs currency totals).
     */
    AccountDetailAsOf getAsOf(AccountId account, Instant asOf);
}
