package com.balancehistory.domain.alert;

import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An alert's value or threshold as money, at its currency's scale ({@code 94.20 USD}). Every kind but stale data
 * compares amounts in the account's currency; stale data counts poll intervals, which are no money.
 */
public final class AlertAmount {

    private AlertAmount() {}

    /** The amount in the alert's currency; empty for stale data and for an alert without a value or a unit. */
    public static Optional<Money> of(AlertKind kind, Optional<BigDecimal> value, Optional<String> unit) {
        if (kind == AlertKind.STALE_DATA || unit.isEmpty()) {
            return Optional.empty();
        }
        var currency = CurrencyCodes.require(unit.get());
        return value.map(v -> Money.of(
                v.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN), currency));
    }
}
