package com.balancehistory.application.model.report;

import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.Money;
import com.balancehistory.domain.money.MoneyBag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The budget allocation report: per currency (never one total across currencies) every account by balance with its
 * share, the currency's count, total and average, the change since the previous report, health and low-balance flags;
 * the card limits per period; and which values are stale or come from sources whose last polls failed.
 *
 * @param asOf             the snapshot time the report was built from: the newest value of each account at or before it
 * @param previousReportId the stored report the changes are measured against, if there was one
 */
public record AllocationReport(
        Instant asOf,
        Optional<Long> previousReportId,
        Optional<Instant> previousAsOf,
        List<CurrencySection> currencies,
        List<CardLimitLine> cardLimits,
        Freshness freshness,
        Optional<LabelSection> labelGroups,
        Optional<ConvertedTotal> convertedTotal) {

    public static final String TYPE = "allocation";

    public AllocationReport {
        labelGroups = labelGroups == null ? Optional.empty() : labelGroups;
        convertedTotal = convertedTotal == null ? Optional.empty() : convertedTotal;
        Objects.requireNonNull(asOf, "asOf");
        previousReportId = previousReportId == null ? Optional.empty() : previousReportId;
        previousAsOf = previousAsOf == null ? Optional.empty() : previousAsOf;
        currencies = List.copyOf(currencies);
        cardLimits = List.copyOf(cardLimits);
        Objects.requireNonNull(freshness, "freshness");
    }

    /** A report without a converted total. */
    public AllocationReport(
            Instant asOf,
            Optional<Long> previousReportId,
            Optional<Instant> previousAsOf,
            List<CurrencySection> currencies,
            List<CardLimitLine> cardLimits,
            Freshness freshness,
            Optional<LabelSection> labelGroups) {
        this(asOf, previousReportId, previousAsOf, currencies, cardLimits, freshness, labelGroups, Optional.empty());
    }

    /**
     * The same report with the currencies' totals converted into one reporting currency (a schedule's
     * {@code convert-to}), with every rate used; partial when a currency had no rate at as-of. With a per-label
     * section, each group's totals are converted the same way.
     */
    public AllocationReport withConvertedTotals(Function<MoneyBag, ConvertedTotal> convert) {
        Optional<LabelSection> convertedGroups = labelGroups.map(section -> new LabelSection(
                section.key(),
                section.groups().stream()
                        .map(group -> group.withConvertedTotal(convert.apply(group.totals())))
                        .toList()));
        return new AllocationReport(
                asOf,
                previousReportId,
                previousAsOf,
                currencies,
                cardLimits,
                freshness,
                convertedGroups,
                Optional.of(convert.apply(totals())));
    }

    /** The currencies' totals, one per currency, for a conversion. */
    public MoneyBag totals() {
        return MoneyBag.of(currencies.stream()
                .map(section -> Money.of(section.total(), section.currency()))
                .toList());
    }

    /** A report without a per-label section. */
    public AllocationReport(
            Instant asOf,
            Optional<Long> previousReportId,
            Optional<Instant> previousAsOf,
            List<CurrencySection> currencies,
            List<CardLimitLine> cardLimits,
            Freshness freshness) {
        this(
                asOf,
                previousReportId,
                previousAsOf,
                currencies,
                cardLimits,
                freshness,
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The accounts and cards grouped by the value of label {@code key} as it held at as-of (the schedule's
     * {@code group-by}), the accounts without it last as the group {@code (unlabelled)}.
     */
    public record LabelSection(String key, List<LabelGroup> groups) {
        public LabelSection {
            Objects.requireNonNull(key, "key");
            groups = List.copyOf(groups);
        }
    }

    /**
     * One label value (or the unlabelled accounts): per currency its balances, its cards' remaining limits, and with a
     * reporting currency its currencies' totals converted (partial when a currency had no rate).
     */
    public record LabelGroup(
            String group,
            boolean labelled,
            List<GroupCurrency> currencies,
            List<GroupCardLimits> cardLimits,
            Optional<ConvertedTotal> convertedTotal) {
        public LabelGroup {
            Objects.requireNonNull(group, "group");
            currencies = List.copyOf(currencies);
            cardLimits = List.copyOf(cardLimits);
            convertedTotal = convertedTotal == null ? Optional.empty() : convertedTotal;
        }

        /** A group without a converted total. */
        public LabelGroup(
                String group, boolean labelled, List<GroupCurrency> currencies, List<GroupCardLimits> cardLimits) {
            this(group, labelled, currencies, cardLimits, Optional.empty());
        }

        /** The group's totals, one per currency, for a conversion. */
        public MoneyBag totals() {
            return MoneyBag.of(currencies.stream()
                    .map(currency -> Money.of(currency.total(), currency.currency()))
                    .toList());
        }

        public LabelGroup withConvertedTotal(ConvertedTotal converted) {
            return new LabelGroup(group, labelled, currencies, cardLimits, Optional.of(converted));
        }
    }

    /**
     * A group's accounts in one currency: count, total, and {@code sharePercent}, the sum of its accounts' shares of
     * the currency's positive total (so the groups of a currency add up to its 100.00 %).
     */
    public record GroupCurrency(String currency, int count, BigDecimal total, BigDecimal sharePercent) {}

    /**
     * A group's cards in one currency and period: how many, the remaining limit in all, and where totals are
     * configured for every one of them, the total and the utilization in percent (two decimals).
     */
    public record GroupCardLimits(
            String currency,
            String period,
            int cards,
            BigDecimal remaining,
            Optional<BigDecimal> total,
            Optional<BigDecimal> utilizationPercent) {
        public GroupCardLimits {
            total = total == null ? Optional.empty() : total;
            utilizationPercent = utilizationPercent == null ? Optional.empty() : utilizationPercent;
        }
    }

    /**
     * One currency. {@code total} is the sum of all balances; {@code shareBase} the sum of the positive ones, which
     * the shares divide (see the domain's {@code CurrencyAllocation}); {@code zeroTotal} is true when no balance is
     * positive, and then every share is 0.00. {@code average} is total / count, rounded half-even to the currency.
     */
    public record CurrencySection(
            String currency,
            int count,
            BigDecimal total,
            BigDecimal shareBase,
            BigDecimal average,
            boolean zeroTotal,
            Optional<BigDecimal> totalChange,
            List<AccountLine> accounts) {
        public CurrencySection {
            Objects.requireNonNull(currency, "currency");
            totalChange = totalChange == null ? Optional.empty() : totalChange;
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * One account: balance, share of the currency's positive total in percent (two decimals), change since the previous
     * report (empty when the account was not in it), health tier, low-balance flag, and whether the value is stale.
     */
    public record AccountLine(
            String accountId,
            String name,
            String source,
            String kind,
            BigDecimal balance,
            BigDecimal sharePercent,
            Optional<BigDecimal> change,
            String healthTier,
            Optional<Integer> healthScore,
            boolean low,
            Optional<BigDecimal> lowThreshold,
            Instant observedAt,
            boolean stale) {
        public AccountLine {
            Objects.requireNonNull(accountId, "accountId");
            change = change == null ? Optional.empty() : change;
            healthScore = healthScore == null ? Optional.empty() : healthScore;
            lowThreshold = lowThreshold == null ? Optional.empty() : lowThreshold;
        }
    }

    /** One period of a card's limit: what remains and, with a configured total, used and utilization in percent. */
    public record CardLimitLine(
            String accountId,
            String name,
            String source,
            String currency,
            String period,
            BigDecimal remaining,
            Optional<BigDecimal> total,
            Optional<BigDecimal> used,
            Optional<BigDecimal> utilizationPercent,
            Instant observedAt,
            boolean stale) {
        public CardLimitLine {
            total = total == null ? Optional.empty() : total;
            used = used == null ? Optional.empty() : used;
            utilizationPercent = utilizationPercent == null ? Optional.empty() : utilizationPercent;
        }
    }

    /** Values that must not be read as current: stale accounts and sources whose latest polls failed. */
    public record Freshness(List<StaleAccount> staleAccounts, List<FailingSource> failingSources) {
        public Freshness {
            staleAccounts = List.copyOf(staleAccounts);
            failingSources = List.copyOf(failingSources);
        }

        public boolean allCurrent() {
            return staleAccounts.isEmpty() && failingSources.isEmpty();
        }
    }

    /** An account whose newest value is older than twice its source's poll interval at the report's as-of time. */
    public record StaleAccount(String accountId, String name, String source, Instant observedAt, Instant staleBefore) {}

    /** A source whose most recent polls (up to as-of) failed, with the last success and failure. */
    public record FailingSource(
            String source,
            int consecutiveFailures,
            Optional<Instant> lastFailureAt,
            Optional<Instant> lastSuccessAt,
            Optional<String> lastError) {
        public FailingSource {
            lastFailureAt = lastFailureAt == null ? Optional.empty() : lastFailureAt;
            lastSuccessAt = lastSuccessAt == null ? Optional.empty() : lastSuccessAt;
            lastError = lastError == null ? Optional.empty() : lastError;
        }
    }
}
