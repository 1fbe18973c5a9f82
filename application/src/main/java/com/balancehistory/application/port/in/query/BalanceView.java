package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.LatestBalance;
import java.util.Objects;

/** A latest balance and whether it is stale: older than twice its source's poll interval. */
public record BalanceView(LatestBalance latest, boolean stale) {

    public BalanceView {
        Objects.requireNonNull(latest, "latest");
    }
}
