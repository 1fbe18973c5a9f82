package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.AllocationReport.AccountLine;
import com.balancehistory.application.model.report.AllocationReport.CardLimitLine;
import com.balancehistory.application.model.report.AllocationReport.CurrencySection;
import com.balancehistory.application.model.report.AllocationReport.FailingSource;
import com.balancehistory.application.model.report.AllocationReport.Freshness;
import com.balancehistory.application.model.report.AllocationReport.StaleAccount;
import com.balancehistory.application.port.out.report.AsOfSnapshots.AccountValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.CardLimitValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.Snapshot;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.query.LowBalanceJudge;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.AllocationShare;
import com.balancehistory.domain.analytics.CurrencyAllocation;
import com.balancehistory.domain.analytics.HealthScore;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.limit.LimitStatus;
import com.balancehistory.domain.money.Money;
import com.balancehistory.domain.source.Staleness;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the allocation report from the values as of one time. Pure: the same snapshot, settings and previous report
 * give the same report, which is what lets a stored report be rebuilt and compared.
 *
 * <p>Accounts are listed by balance, largest first, then by account id. Shares come from the domain's
 * {@link CurrencyAllocation} (largest remainder, so they add up to exactly 100.00 unless no balance is positive).
 * Changes are against the previous report of the same type: per account when it was in that report in the same
 * currency, per currency when the currency was in it.
 */
public final class AllocationReportBuilder {

    private AllocationReportBuilder() {}

    /** The previous stored report the changes are measured against. */
    public record Previous(long id, AllocationReport report) {}

    public static AllocationReport build(Snapshot snapshot, ReportSettings settings, Optional<Previous> previous) {
        return build(snapshot, settings, previous, Optional.empty());
    }

    /**
     * With {@code groupBy}, the report also has its per-label section, grouped by the labels as of the snapshot. Runway
     * low-balance rules have no burn here: they are not evaluable (see the overload with {@link DailyBurns}).
     */
    public static AllocationReport build(
            Snapshot snapshot, ReportSettings settings, Optional<Previous> previous, Optional<String> groupBy) {
        return build(snapshot, settings, previous, groupBy, DailyBurns.NONE);
    }

    /** As above, with runway low-balance rules judged with each account's burn over the window ending at as-of. */
    public static AllocationReport build(
            Snapshot snapshot,
            ReportSettings settings,
            Optional<Previous> previous,
            Optional<String> groupBy,
            DailyBurns burns) {
        Instant asOf = snapshot.asOf();
        Map<String, AccountValue> byId = new HashMap<>();
        List<AccountBalance> balances = new ArrayList<>();
        for (AccountValue value : snapshot.accounts()) {
            byId.put(value.accountId(), value);
            balances.add(new AccountBalance(
                    new AccountId(value.accountId()), value.name(), value.available(), value.initial()));
        }
        Map<AccountId, LowBalanceAssessment> lowBalance =
                new LowBalanceJudge(settings.lowBalance(), burns).assessAll(balances, asOf);
        Map<String, BigDecimal> previousBalances = new HashMap<>();
        Map<String, BigDecimal> previousTotals = new HashMap<>();
        previous.ifPresent(p -> p.report().currencies().forEach(section -> {
            previousTotals.put(section.currency(), section.total());
            section.accounts()
                    .forEach(line -> previousBalances.put(section.currency() + "/" + line.accountId(), line.balance()));
        }));

        List<CurrencySection> sections = new ArrayList<>();
        List<StaleAccount> staleAccounts = new ArrayList<>();
        for (CurrencyAllocation allocation : CurrencyAllocation.perCurrency(balances)) {
            String code = allocation.currency().getCurrencyCode();
            List<AccountLine> lines = new ArrayList<>();
            Money total = Money.zero(allocation.currency());
            for (AllocationShare share : allocation.shares()) {
                AccountValue value = byId.get(share.account().value());
                total = total.plus(value.available());
                AccountBalance balance =
                        new AccountBalance(share.account(), value.name(), value.available(), value.initial());
                HealthScore health = settings.healthScale().rate(value.available());
                LowBalanceAssessment low = lowBalance.get(balance.id());
                Instant staleBefore = staleBefore(settings, value.source(), asOf);
                boolean stale = value.observedAt().isBefore(staleBefore);
                if (stale) {
                    staleAccounts.add(new StaleAccount(
                            value.accountId(), value.name(), value.source(), value.observedAt(), staleBefore));
                }
                Optional<BigDecimal> change = Optional.ofNullable(previousBalances.get(code + "/" + value.accountId()))
                        .map(before -> value.available()
                                .amount()
                                .subtract(before)
                                .setScale(value.available().amount().scale(), RoundingMode.UNNECESSARY));
                lines.add(new AccountLine(
                        value.accountId(),
                        value.name(),
                        value.source(),
                        value.kind(),
                        value.available().amount(),
                        share.percent(),
                        change,
                        health.label(),
                        health.isRated() ? Optional.of(health.score().getAsInt()) : Optional.empty(),
                        low.isLow(),
                        low.threshold().map(Money::amount),
                        value.observedAt(),
                        stale));
            }
            lines.sort(Comparator.comparing(AccountLine::balance, Comparator.reverseOrder())
                    .thenComparing(AccountLine::accountId));
            int scale = total.amount().scale();
            BigDecimal average = total.amount().divide(BigDecimal.valueOf(lines.size()), scale, RoundingMode.HALF_EVEN);
            BigDecimal totalAmount = total.amount();
            Optional<BigDecimal> totalChange = Optional.ofNullable(previousTotals.get(code))
                    .map(before -> totalAmount.subtract(before).setScale(scale, RoundingMode.HALF_EVEN));
            sections.add(new CurrencySection(
                    code,
                    lines.size(),
                    totalAmount,
                    allocation.base().amount(),
                    average,
                    allocation.zeroBase(),
                    totalChange,
                    lines));
        }
        staleAccounts.sort(Comparator.comparing(StaleAccount::source).thenComparing(StaleAccount::accountId));

        List<CardLimitLine> cardLimits = new ArrayList<>();
        for (CardLimitValue limit : snapshot.cardLimits()) {
            LimitStatus status = LimitStatus.of(limit.period(), limit.remaining(), limit.total());
            boolean stale = limit.observedAt().isBefore(staleBefore(settings, limit.source(), asOf));
            cardLimits.add(new CardLimitLine(
                    limit.accountId(),
                    limit.name(),
                    limit.source(),
                    limit.remaining().currencyCode(),
                    limit.period().apiName(),
                    limit.remaining().amount(),
                    status.total().map(Money::amount),
                    status.used().map(Money::amount),
                    status.utilization().map(u -> u.movePointRight(2).setScale(2, RoundingMode.UNNECESSARY)),
                    limit.observedAt(),
                    stale));
        }
        cardLimits.sort(Comparator.comparing(CardLimitLine::source)
                .thenComparing(CardLimitLine::accountId)
                .thenComparing(line -> com.balancehistory.domain.limit.LimitPeriod.fromApiName(line.period())));

        List<FailingSource> failing = snapshot.sources().stream()
                .filter(source -> source.consecutiveFailures() > 0)
                .sorted(Comparator.comparing(SourcePolls::source))
                .map(source -> new FailingSource(
                        source.source(),
                        source.consecutiveFailures(),
                        source.lastFailureAt(),
                        source.lastSuccessAt(),
                        source.lastError()))
                .toList();

        return new AllocationReport(
                asOf,
                previous.map(Previous::id),
                previous.map(p -> p.report().asOf()),
                sections,
                cardLimits,
                new Freshness(staleAccounts, failing),
                groupBy.map(key -> LabelSectionBuilder.build(key, snapshot, sections)));
    }

    /** The report's parameters as stored with it. */
    public static Map<String, String> parameters(ReportSettings settings) {
        return parameters(settings, Optional.empty());
    }

    /** The report's parameters as stored with it, with its {@code groupBy} label key when it has one. */
    public static Map<String, String> parameters(ReportSettings settings, Optional<String> groupBy) {
        Map<String, String> parameters = new HashMap<>();
        groupBy.ifPresent(key -> parameters.put("groupBy", key));
        parameters.put("type", AllocationReport.TYPE);
        parameters.put("currencies", "all");
        parameters.put("staleAfterIntervals", Staleness.DATA.intervals().toPlainString());
        parameters.put("shareRounding", "largest-remainder, 0.01 %");
        parameters.put(
                "healthTierCurrencies",
                String.join(
                        ",",
                        settings.healthScale().tiersByCurrency().keySet().stream()
                                .map(java.util.Currency::getCurrencyCode)
                                .sorted()
                                .toList()));
        parameters.put(
                "lowBalanceRules",
                settings.lowBalance().accountRules().size() + " account, "
                        + settings.lowBalance().currencyRules().size() + " currency");
        return parameters;
    }

    private static Instant staleBefore(ReportSettings settings, String source, Instant asOf) {
        return Staleness.DATA.cutoff(asOf, settings.intervals().intervalOf(source));
    }
}
