package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.domain.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The latest balance of one account, or with {@code asOf} its balance as last observed at or before that time (then
 * with the as-of fields). Amounts are decimal strings in the currency's scale.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Balance")
public record BalanceItem(
        @Schema(example = "ahrvo-main.budget.b1") String accountId,
        @Schema(example = "ahrvo-main") String source,
        @Schema(example = "ahrvo") String provider,
        @Schema(example = "budget") String kind,
        String externalId,
        String name,
        @Schema(example = "USD") String currency,
        @Schema(example = "45250.75") String available,
        @Nullable String ledger,
        @Nullable String pending,
        @Nullable String allocated,
        @Nullable String initial,
        @Schema(format = "date-time") String observedAt,
        @Schema(format = "date-time") @Nullable String providerAsOf,

        @Schema(description = "older than twice its source's poll interval (with asOf: at asOf)")
        boolean stale,

        @Schema(format = "date-time", description = "when the provider's full listing first lacked the account")
        @Nullable
        String goneAt,

        @Schema(
                description =
                        "the account's labels now, with asOf as they held then (key to value: department, team, cost-center, owner, parent, "
                                + "parent-id, ...); empty when it has none",
                example = "{\"department\": \"Marketing\"}")
        Map<String, String> labels,

        @Schema(format = "date-time", description = "with asOf only: the time asked for (UTC)") @Nullable
        String asOf,

        @Schema(description = "with asOf only: the poll whose observation is shown") @Nullable
        Long pollId,

        @Schema(
                description = "with asOf only: how old the observation was at asOf, an ISO-8601 duration",
                example = "PT4M59.999S")
        @Nullable
        String ageAtAsOf,

        @Schema(
                description = "with asOf only: the observation was older than twice its source's poll interval then "
                        + "(the interval its newest poll by asOf was recorded with; today's for older polls)")
        @Nullable
        Boolean staleAtAsOf,

        @Schema(
                description = "with asOf only: the account was gone from its provider's full listing at asOf (since "
                        + "goneAt), even if it is back now; an account gone only later is not")
        @Nullable
        Boolean gone,

        @Schema(
                format = "date-time",
                description = "with asOf only: the source's last poll at or before asOf failed, after the observation "
                        + "shown; absent when it succeeded")
        @Nullable
        String lastPollFailedAt)
        implements ExportedAccount {

    public static BalanceItem of(BalanceView view) {
        LatestBalance latest = view.latest();
        var account = latest.account();
        var balances = latest.balances();
        return new BalanceItem(
                account.id().value(),
                account.source(),
                account.provider().configName(),
                account.kind().slug(),
                account.externalId(),
                account.name(),
                account.currency().getCurrencyCode(),
                balances.available().toPlainString(),
                amount(balances.ledger()),
                amount(balances.pending()),
                amount(balances.allocated()),
                amount(balances.initial()),
                latest.observedAt().toString(),
                time(latest.providerAsOf()),
                view.stale(),
                time(latest.goneAt()),
                account.labels().values(),
                view.asOf().map(a -> a.at().toString()).orElse(null),
                view.asOf().map(BalanceView.AsOf::pollId).orElse(null),
                view.asOf().map(a -> a.age().toString()).orElse(null),
                view.asOf().map(a -> view.stale()).orElse(null),
                view.asOf().map(BalanceView.AsOf::gone).orElse(null),
                view.asOf()
                        .flatMap(BalanceView.AsOf::lastPollFailedAt)
                        .map(Instant::toString)
                        .orElse(null));
    }

    public static String amount(Optional<Money> money) {
        return money.map(Money::toPlainString).orElse(null);
    }

    public static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
