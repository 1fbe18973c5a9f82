package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.analytics.HealthScore;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import java.util.Objects;

/** One account's latest balance with its health tier and low-balance verdict. */
public record AccountBalanceDetail(BalanceView balance, HealthScore health, LowBalanceAssessment lowBalance) {

    public AccountBalanceDetail {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(lowBalance, "lowBalance");
    }
}
