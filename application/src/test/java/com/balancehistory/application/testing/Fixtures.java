package com.balancehistory.application.testing;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders of domain and port objects for tests in every module. */
public final class Fixtures {

    private Fixtures() {}

    public static Account budget(String source, String externalId, String name, String currency) {
        return Account.of(
                source, ProviderType.AHRVO, AccountKind.BUDGET, externalId, name, CurrencyCodes.require(currency));
    }

    public static BalanceObservation balance(String source, String externalId, String amount, String currency) {
        Account account = budget(source, externalId, "Budget " + externalId, currency);
        return BalanceObservation.of(account, Balances.available(Money.parse(amount, currency)));
    }

    public static CardLimitObservation cardLimits(
            String source, String cardId, String daily, String weekly, String monthly, String lifetime) {
        Account card = Account.of(
                source,
                ProviderType.AHRVO,
                AccountKind.CARD_SPENDING_LIMIT,
                cardId,
                cardId,
                CurrencyCodes.require("USD"));
        Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
        remaining.put(LimitPeriod.DAILY, Money.parse(daily, "USD"));
        remaining.put(LimitPeriod.WEEKLY, Money.parse(weekly, "USD"));
        remaining.put(LimitPeriod.MONTHLY, Money.parse(monthly, "USD"));
        remaining.put(LimitPeriod.LIFETIME, Money.parse(lifetime, "USD"));
        return new CardLimitObservation(card, remaining);
    }

    /** A successful fetch of the given balances, whose budget list is complete. */
    public static FetchResult.Fetched fetched(String source, BalanceObservation... balances) {
        return new FetchResult.Fetched(
                source,
                List.of(balances),
                List.of(),
                List.of(),
                Set.of(AccountKind.BUDGET),
                List.of(new RawResponse("GET /budgets", 200, "{\"code\":\"SUCCESS\"}")));
    }

    public static FetchResult.Failed failed(String source, FailureKind kind, String reason) {
        return new FetchResult.Failed(
                source,
                FetchFailure.ofSource("GET /budgets", kind, reason),
                List.of(new RawResponse("GET /budgets", 500, "upstream broke")));
    }
}
