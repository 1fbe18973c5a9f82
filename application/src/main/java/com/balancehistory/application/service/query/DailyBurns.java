package com.balancehistory.application.service.query;

import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The burn of each of {@code accounts}, as {@link #averageDailyBurn} gives it; every account is mapped. */
    default Map<AccountId, Optional<Money>> averageDailyBurns(
            Collection<AccountId> accounts, Duration window, Instant at) {
        Map<AccountId, Optional<Money>> burns = new LinkedHashMap<>();
        accounts.forEach(account -> burns.put(account, averageDailyBurn(account, window, at)));
        return burns;
    }

    /**
     * The burn read from the history through {@link TrendWindow}, as the trend and runway routes measure it; many
     * accounts' burns in one read of their histories.
     */
    static DailyBurns fromHistory(BalanceReadModel readModel, QuerySettings settings) {
        return new DailyBurns() {
            @Override
            public Optional<Money> averageDailyBurn(AccountId account, Duration window, Instant at) {
                return TrendWindow.of(readModel, settings, account, window, at).averageDailyBurn();
            }

            @Override
            public Map<AccountId, Optional<Money>> averageDailyBurns(
                    Collection<AccountId> accounts, Duration window, Instant at) {
                Map<AccountId, Optional<Money>> burns = new LinkedHashMap<>();
                TrendWindow.ofAll(readModel, settings, accounts, window, at)
                        .forEach((account, trend) -> burns.put(account, trend.averageDailyBurn()));
                return burns;
            }
        };
    }
}
