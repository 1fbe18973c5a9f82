package com.balancehistory.application.service.query;

import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's average daily burn over a window ending at an instant: the trend's burn (decreases only), empty when
 * there is not enough history in the window.
 */
@FunctionalInterface
public interface DailyBurns {

    /** No burn is ever known: runway rules are not evaluable. */
    DailyBurns NONE = (account, window, at) -> Optional.empty();

    Optional<Money> averageDailyBurn(AccountId account, Duration window, Instant at);

    /** The burn read from the history through {@link TrendWindow}, as the trend and runway routes measure it. */
    static DailyBurns fromHistory(BalanceReadModel readModel, QuerySettings settings) {
        return (account, window, at) ->
                TrendWindow.of(readModel, settings, account, window, at).averageDailyBurn();
    }
}
