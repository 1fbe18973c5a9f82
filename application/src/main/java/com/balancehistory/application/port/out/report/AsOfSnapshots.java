package com.balancehistory.application.port.out.report;

import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded values as they stood at a given time: the newest snapshot of each account and card limit period at or
 * before it, and each source's poll outcomes up to it. Reports and alerts are built from these, so a stored report
 * can be rebuilt later from the same as-of time.
 */
public interface AsOfSnapshots {

    Snapshot at(Instant asOf);

    /**
     * The part of {@link #at} that belongs to one source: its accounts, its card limits and its polls (no labels).
     */
    default Snapshot ofSource(Instant asOf, String source) {
        Snapshot accounts = ofAccounts(asOf, source, AccountRange.ALL);
        return new Snapshot(
                asOf,
                accounts.accounts(),
                accounts.cardLimits(),
                polls(asOf, source).stream().toList());
    }

    /**
     * The accounts and card limits of {@code source}'s accounts in {@code accounts}, as of {@code asOf} (no polls, no
     * labels). Alerts are evaluated one range at a time through this, so the memory they need is bounded by the range,
     * not by the number of stored accounts.
     */
    Snapshot ofAccounts(Instant asOf, String source, AccountRange accounts);

    /**
     * The id of the {@code count}-th account of {@code source} after {@code after} (from its first account when empty),
     * in the store's id order: the end of the next range of {@code count} accounts. Empty when no more than
     * {@code count} accounts remain, so that range runs to the source's last account. Every stored account of the
     * source counts, whatever its state at any time.
     */
    Optional<String> accountRangeEnd(String source, Optional<String> after, int count);

    /** The source's polls up to {@code asOf}; empty when it has no recorded poll result by then. */
    Optional<SourcePolls> polls(Instant asOf, String source);

    /** Every source with a recorded poll result by {@code asOf}, in name order. */
    List<String> sources(Instant asOf);

    /**
     * Per currency, the total of the positive available balances of every account (of every source) as of
     * {@code asOf}, gone accounts left out: the base of percent-of-total low-balance rules, summed where stored.
     */
    Map<Currency, Money> positiveTotals(Instant asOf);

    /**
     * Balance changes of {@code source}'s accounts in {@code accounts} flagged significant and observed in
     * {@code [from, to)}, oldest first.
     */
    List<SignificantChange> significantChanges(Instant from, Instant to, String source, AccountRange accounts);

    /**
     * The top-ups of {@code source}'s accounts in {@code accounts} (balance changes recorded as increases beyond the
     * noise) observed in {@code [from, to)}, oldest first, as {@link SignificantChange} rows ({@code change} is the
     * amount added).
     */
    List<SignificantChange> topUps(Instant from, Instant to, String source, AccountRange accounts);

    /**
     * Everything recorded as of {@code asOf}. Accounts gone from their provider by then are left out. {@code labels}:
     * every account's labels as they held at as-of (by account id; accounts without labels are absent).
     */
    record Snapshot(
            Instant asOf,
            List<AccountValue> accounts,
            List<CardLimitValue> cardLimits,
            List<SourcePolls> sources,
            Map<String, Labels> labels) {
        public Snapshot {
            Objects.requireNonNull(asOf, "asOf");
            accounts = List.copyOf(accounts);
            cardLimits = List.copyOf(cardLimits);
            sources = List.copyOf(sources);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** A snapshot without labels. */
        public Snapshot(
                Instant asOf, List<AccountValue> accounts, List<CardLimitValue> cardLimits, List<SourcePolls> sources) {
            this(asOf, accounts, cardLimits, sources, Map.of());
        }

        /** The account's labels at as-of. */
        public Labels labelsOf(String accountId) {
            return labels.getOrDefault(accountId, Labels.NONE);
        }
    }

    /** An account's newest balance at as-of. */
    record AccountValue(
            String accountId,
            String name,
            String source,
            String kind,
            Money available,
            Optional<Money> initial,
            Instant observedAt) {
        public AccountValue {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(available, "available");
            initial = initial == null ? Optional.empty() : initial;
            Objects.requireNonNull(observedAt, "observedAt");
        }
    }

    /** A card's newest remaining limit for one period at as-of, with the configured total if any. */
    record CardLimitValue(
            String accountId,
            String name,
            String source,
            LimitPeriod period,
            Money remaining,
            Optional<Money> total,
            Instant observedAt) {
        public CardLimitValue {
            total = total == null ? Optional.empty() : total;
        }
    }

    /**
     * A source's polls up to as-of: its last successful poll (ok or partial), its last failed one, how many of its
     * most recent polls failed in a row (0 when the newest succeeded), and since when a poll of it is in progress at
     * as-of (a run that covers it, started by then, neither finished nor holding its result by then; empty when none).
     */
    record SourcePolls(
            String source,
            Optional<Instant> lastSuccessAt,
            Optional<Instant> lastFailureAt,
            int consecutiveFailures,
            Optional<String> lastError,
            Optional<Instant> pollingSince) {
        public SourcePolls {
            lastSuccessAt = lastSuccessAt == null ? Optional.empty() : lastSuccessAt;
            lastFailureAt = lastFailureAt == null ? Optional.empty() : lastFailureAt;
            lastError = lastError == null ? Optional.empty() : lastError;
            pollingSince = pollingSince == null ? Optional.empty() : pollingSince;
        }

        /** A source with no poll in progress. */
        public SourcePolls(
                String source,
                Optional<Instant> lastSuccessAt,
                Optional<Instant> lastFailureAt,
                int consecutiveFailures,
                Optional<String> lastError) {
            this(source, lastSuccessAt, lastFailureAt, consecutiveFailures, lastError, Optional.empty());
        }
    }

    /** A balance change the recorder flagged significant. */
    record SignificantChange(
            String accountId,
            String name,
            String source,
            Money previous,
            Money available,
            Money change,
            Instant observedAt) {}
}
