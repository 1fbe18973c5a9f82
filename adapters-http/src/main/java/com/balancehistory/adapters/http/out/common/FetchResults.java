package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the result of a fetch that reads several accounts, some of which may fail on their own. */
public final class FetchResults {

    private FetchResults() {}

    /**
     * {@link FetchResult.Fetched} when anything was read; {@link FetchResult.Failed} when nothing was read and
     * something failed, so a provider that is down, or whose every card or grant failed, counts as a failed fetch
     * (a gap in history, and a failure for the circuit breaker). The failure is the first source-wide one, else all
     * accounts' failures in one.
     */
    public static FetchResult assemble(
            String source,
            boolean anythingRead,
            List<BalanceObservation> balances,
            List<CardLimitObservation> cardLimits,
            List<FetchFailure> failures,
            Set<AccountKind> fullyListed,
            List<RawResponse> raws) {
        if (!anythingRead && !failures.isEmpty()) {
            Optional<FetchFailure> sourceWide =
                    failures.stream().filter(FetchResults::isSourceWide).findFirst();
            FetchFailure first = failures.get(0);
            FetchFailure failure = sourceWide.orElseGet(() -> FetchFailure.ofSource(
                    first.endpoint(),
                    first.kind(),
                    "nothing read: every account failed: "
                            + failures.stream().map(FetchFailure::describe).collect(Collectors.joining("; "))));
            return new FetchResult.Failed(source, failure, raws);
        }
        return new FetchResult.Fetched(source, balances, cardLimits, failures, fullyListed, raws);
    }

    /** Whether this failure speaks for the whole source rather than one account's own problem. */
    public static boolean isSourceWide(FetchFailure failure) {
        return failure.externalId() == null
                || failure.kind().isTransient()
                || failure.kind() == FailureKind.UNAUTHORIZED
                || failure.kind() == FailureKind.FORBIDDEN;
    }

    /** Whether this failure means the credentials are bad, so calling further accounts is pointless. */
    public static boolean stopsTheSource(FetchFailure failure) {
        return failure.kind() == FailureKind.UNAUTHORIZED || failure.kind() == FailureKind.FORBIDDEN;
    }
}
