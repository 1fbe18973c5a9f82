package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import java.time.Duration;
import java.util.Optional;

/** Change, burn and depletion forecast of one account over a window ending now; empty for an unknown account. */
public interface AnalyzeTrendUseCase {

    /** @throws InvalidQueryException for a window that is not positive or too long */
    Optional<AccountTrend> trend(AccountId account, Duration window);
}
