package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How long balances last at their trend's burn, and what to add so that they last a target. */
public interface ForecastRunwayUseCase {

    /**
     * One account's runway over a window ending now; empty for an unknown account.
     *
     * @throws InvalidQueryException for a window or target that is not positive, or a window too long
     */
    Optional<AccountRunway> runway(AccountId account, Duration window, Duration target);

    /**
     * Every current account (gone ones left out) that needs a top-up to last {@code target}, with the totals per
     * currency, and per group of the label {@code groupBy} when given; {@code labels} select accounts as on the
     * overview.
     *
     * @throws InvalidQueryException for a window or target that is not positive, or a window too long
     */
    TopUpPlan topUps(Duration window, Duration target, List<Label> labels, Optional<String> groupBy);
}
