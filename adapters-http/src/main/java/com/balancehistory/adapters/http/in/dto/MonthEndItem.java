package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.MonthEndBalance;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account's balance at the end of a month: as last observed at the month's last instant in the zone asked for. */
@Serdeable
@Schema(name = "MonthEndBalance")
public record MonthEndItem(
        @Schema(example = "2026-10") String month,

        @Schema(description = "the balance as of the month's last instant (its asOf)")
        BalanceItem balance) {

    public static MonthEndItem of(MonthEndBalance row) {
        return new MonthEndItem(row.month().toString(), BalanceItem.of(row.balance()));
    }
}
