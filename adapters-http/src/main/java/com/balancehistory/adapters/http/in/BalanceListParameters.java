package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.application.model.query.BalanceSort;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The balance list's own parameters (provider, kind, sort, order), read as {@link Params} reads the shared ones. */
final class BalanceListParameters {

    private BalanceListParameters() {}

    static String provider(String name) {
        try {
            return ProviderType.fromConfigName(name.toLowerCase(Locale.ROOT)).configName();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(
                    "provider",
                    "unknown provider '" + Params.shorten(name) + "' (known: "
                            + Arrays.stream(ProviderType.values())
                                    .map(ProviderType::configName)
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
    }

    static String kind(String slug) {
        AccountKind found;
        try {
            found = AccountKind.fromSlug(slug.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(
                    "kind", "unknown kind '" + Params.shorten(slug) + "' (known: " + balanceKinds() + ")");
        }
        // a card limit has remaining amounts per period, not a balance: an empty list would say "no cards"
        if (found == AccountKind.CARD_SPENDING_LIMIT) {
            throw ApiProblem.invalidParameter(
                    "kind",
                    "kind card-limit has no balances: card limits are listed at GET /api/v1/cards (known kinds here: "
                            + balanceKinds() + ")");
        }
        return found.slug();
    }

    /** The kinds that have balances, as the API names them. */
    private static String balanceKinds() {
        return Arrays.stream(AccountKind.values())
                .filter(kind -> kind != AccountKind.CARD_SPENDING_LIMIT)
                .map(AccountKind::slug)
                .collect(Collectors.joining(", "));
    }

    static BalanceSort sort(String value) {
        Optional<String> text = Params.text("sort", value);
        if (text.isEmpty()) {
            return BalanceSort.NAME;
        }
        for (BalanceSort sort : BalanceSort.values()) {
            if (sort.apiName().equalsIgnoreCase(text.get())) {
                return sort;
            }
        }
        throw ApiProblem.invalidParameter(
                "sort", "sort must be name, available or observedAt, got '" + Params.shorten(text.get()) + "'");
    }

    static boolean descending(String value) {
        return switch (Params.text("order", value).orElse("asc").toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ApiProblem.invalidParameter("order", "order must be asc or desc");
        };
    }
}
