package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.query.SnapshotRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One observed snapshot in the JSON export; the same fields as the CSV export's columns. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotItem(
        String observedAt,
        long pollId,
        String accountId,
        String source,
        String provider,
        String kind,
        String externalId,
        String name,
        String currency,
        String available,
        @Nullable String ledger,
        @Nullable String pending,
        @Nullable String allocated,
        @Nullable String initial,
        @Nullable String providerAsOf)
        implements ExportedAccount {

    public static SnapshotItem of(SnapshotRow row) {
        var account = row.account();
        var balances = row.balances();
        return new SnapshotItem(
                row.observedAt().toString(),
                row.pollId(),
                account.id().value(),
                account.source(),
                account.provider().configName(),
                account.kind().slug(),
                account.externalId(),
                account.name(),
                account.currency().getCurrencyCode(),
                balances.available().toPlainString(),
                BalanceItem.amount(balances.ledger()),
                BalanceItem.amount(balances.pending()),
                BalanceItem.amount(balances.allocated()),
                BalanceItem.amount(balances.initial()),
                BalanceItem.time(row.providerAsOf()));
    }
}
