package com.balancehistory.application.port.out;

import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.limit.CardLimitObservation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What one source answered in one poll: data (possibly with some accounts failing) or a failure of the whole source. */
public sealed interface FetchResult {

    String source();

    /**
     * The source answered.
     *
     * @param balances          one observation per account and currency
     * @param cardLimits        remaining limits per card
     * @param accountFailures   accounts that failed on their own (one card's 404) while the rest were read
     * @param fullyListedKinds  kinds whose complete list the provider gave, so an account of that kind that is
     *                          missing is gone (configured cards or grants are never "listed")
     * @param rawResponses      provider bodies, for audit
     */
    record Fetched(
            String source,
            List<BalanceObservation> balances,
            List<CardLimitObservation> cardLimits,
            List<FetchFailure> accountFailures,
            Set<AccountKind> fullyListedKinds,
            List<RawResponse> rawResponses)
            implements FetchResult {

        public Fetched {
            Objects.requireNonNull(source, "source");
            balances = List.copyOf(balances);
            cardLimits = List.copyOf(cardLimits);
            accountFailures = List.copyOf(accountFailures);
            fullyListedKinds = Set.copyOf(fullyListedKinds);
            rawResponses = List.copyOf(rawResponses);
        }

        public int accountsSeen() {
            return balances.size() + cardLimits.size();
        }
    }

    /** The source as a whole could not be read; {@code failure} says where and why. */
    record Failed(String source, FetchFailure failure, List<RawResponse> rawResponses) implements FetchResult {

        public Failed {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(failure, "failure");
            rawResponses = rawResponses == null ? List.of() : List.copyOf(rawResponses);
        }

        public Failed(String source, FetchFailure failure) {
            this(source, failure, List.of());
        }
    }
}
