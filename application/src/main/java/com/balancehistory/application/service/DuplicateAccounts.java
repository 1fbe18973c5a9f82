package com.balancehistory.application.service;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.AccountKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One rule for every provider when an answer names one account more than once: no occurrence is recorded (no
 * provider says which one is right, and with two currencies under one id either would hide the other), each such
 * account is that poll's failure naming it, and its kind no longer counts as fully listed, so it is not taken for
 * gone.
 */
final class DuplicateAccounts {

    static final String ENDPOINT = "answer";

    private DuplicateAccounts() {}

    static FetchResult.Fetched reject(FetchResult.Fetched fetched) {
        Map<AccountId, List<Account>> balances = byId(fetched.balances(), b -> b.account());
        Map<AccountId, List<Account>> cards = byId(fetched.cardLimits(), c -> c.card());
        if (!hasDuplicates(balances) && !hasDuplicates(cards)) {
            return fetched;
        }
        List<FetchFailure> failures = new ArrayList<>(fetched.accountFailures());
        Set<AccountKind> listed = fetched.fullyListedKinds().isEmpty()
                ? EnumSet.noneOf(AccountKind.class)
                : EnumSet.copyOf(fetched.fullyListedKinds());
        for (Map<AccountId, List<Account>> accounts : List.of(balances, cards)) {
            accounts.values().stream().filter(same -> same.size() > 1).forEach(same -> {
                Account first = same.get(0);
                listed.remove(first.kind());
                String currencies = same.stream()
                        .map(a -> a.currency().getCurrencyCode())
                        .distinct()
                        .collect(Collectors.joining(", "));
                failures.add(FetchFailure.ofAccount(
                        first.externalId(),
                        ENDPOINT,
                        FailureKind.MALFORMED_RESPONSE,
                        "account id " + first.externalId() + " appears " + same.size() + " times in one answer ("
                                + currencies + "): none of them recorded"));
            });
        }
        return new FetchResult.Fetched(
                fetched.source(),
                fetched.balances().stream()
                        .filter(b -> balances.get(b.account().id()).size() == 1)
                        .toList(),
                fetched.cardLimits().stream()
                        .filter(c -> cards.get(c.card().id()).size() == 1)
                        .toList(),
                failures,
                listed,
                fetched.rawResponses());
    }

    private static <T> Map<AccountId, List<Account>> byId(List<T> observations, Function<T, Account> account) {
        Map<AccountId, List<Account>> out = new LinkedHashMap<>();
        for (T observation : observations) {
            Account a = account.apply(observation);
            out.computeIfAbsent(a.id(), id -> new ArrayList<>(1)).add(a);
        }
        return out;
    }

    private static boolean hasDuplicates(Map<AccountId, List<Account>> accounts) {
        return accounts.values().stream().anyMatch(same -> same.size() > 1);
    }
}
