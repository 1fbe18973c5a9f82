package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.AccountAsOf;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.AccountBalanceDetail;
import com.balancehistory.application.port.in.query.AccountDetailAsOf;
import com.balancehistory.application.port.in.query.BalanceListQuery;
import com.balancehistory.application.port.in.query.BalancePage;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.CurrencySummary;
import com.balancehistory.application.port.in.query.GetAccountBalanceUseCase;
import com.balancehistory.application.port.in.query.LabelGroupSummary;
import com.balancehistory.application.port.in.query.ListBalancesUseCase;
import com.balancehistory.application.port.in.query.SummarizeBalancesUseCase;
import com.balancehistory.application.port.out.query.AsOfBalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.BalanceRows;
import com.balancehistory.application.port.out.query.BalanceSelection;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.LabelGroups;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.CurrencyOverview;
import com.balancehistory.domain.analytics.HealthScore;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latest balances: the list, one account with its health and low-balance state, and the per-currency overview.
 * Staleness is judged at the clock's now against each source's poll interval (as of a time: the interval of then).
 */
public final class BalanceQueryService
        implements ListBalancesUseCase, GetAccountBalanceUseCase, SummarizeBalancesUseCase {

    private final BalanceReadModel readModel;
    private final AsOfBalanceReadModel asOfReadModel;
    private final QuerySettings settings;
    private final Clock clock;
    private final LowBalanceJudge lowBalance;

    public BalanceQueryService(
            BalanceReadModel readModel, AsOfBalanceReadModel asOfReadModel, QuerySettings settings, Clock clock) {
        this.readModel = readModel;
        this.asOfReadModel = asOfReadModel;
        this.settings = settings;
        this.clock = clock;
        this.lowBalance = new LowBalanceJudge(settings.lowBalance(), DailyBurns.fromHistory(readModel, settings));
    }

    @Override
    public BalancePage list(BalanceListQuery query) {
        StaleCutoffs cutoffs = query.asOf()
                .map(asOf -> AsOfViews.cutoffsAt(asOf, settings, asOfReadModel))
                .orElseGet(() -> settings.intervals().cutoffsAt(clock.instant()));
        BalanceSelection selection = new BalanceSelection(
                query.provider(),
                query.source(),
                query.kind(),
                query.currency(),
                query.text(),
                query.stale(),
                cutoffs,
                query.sort(),
                query.descending(),
                query.limit(),
                query.offset(),
                query.labels());
        if (query.asOf().isPresent()) {
            AsOfBalanceReadModel.AsOfRows rows =
                    asOfReadModel.balancesAsOf(query.asOf().get(), selection);
            List<BalanceView> items = rows.rows().stream()
                    .map(row -> AsOfViews.view(row, cutoffs))
                    .toList();
            return new BalancePage(items, rows.total(), query.limit(), query.offset());
        }
        BalanceRows rows = readModel.latestBalances(selection);
        List<BalanceView> items =
                rows.rows().stream().map(row -> view(row, cutoffs)).toList();
        return new BalancePage(items, rows.total(), query.limit(), query.offset());
    }

    @Override
    public Optional<AccountBalanceDetail> get(AccountId account) {
        StaleCutoffs cutoffs = settings.intervals().cutoffsAt(clock.instant());
        return readModel.latestBalance(account).map(latest -> {
            AccountBalance balance = analyticsView(latest);
            HealthScore health = settings.healthScale().rate(balance.available());
            Optional<Money> total = settings.lowBalance().needsCurrencyTotals()
                    ? Optional.ofNullable(LowBalancePolicy.positiveTotals(readModel.allLatestBalances().stream()
                                    .map(BalanceQueryService::analyticsView)
                                    .toList())
                            .get(balance.currency()))
                    : Optional.empty();
            LowBalanceAssessment low = lowBalance.assess(balance, total, clock.instant());
            return new AccountBalanceDetail(view(latest, cutoffs), health, low);
        });
    }

    @Override
    public AccountDetailAsOf getAsOf(AccountId account, Instant asOf) {
        AccountAsOf found = asOfReadModel.balanceAsOf(account, asOf);
        if (found instanceof AccountAsOf.FirstSeenLater later) {
            return new AccountDetailAsOf.FirstSeenLater(later.firstSeenAt());
        }
        if (!(found instanceof AccountAsOf.Observed observed)) {
            return new AccountDetailAsOf.Unknown();
        }
        StaleCutoffs cutoffs = AsOfViews.cutoffsAt(asOf, settings, asOfReadModel);
        BalanceView view = AsOfViews.view(observed.balance(), cutoffs);
        AccountBalance balance = analyticsView(view.latest());
        HealthScore health = settings.healthScale().rate(balance.available());
        Optional<Money> total = settings.lowBalance().needsCurrencyTotals()
                ? Optional.ofNullable(LowBalancePolicy.positiveTotals(asOfReadModel.allBalancesAsOf(asOf).stream()
                                .filter(other -> !other.gone())
                                .map(other -> analyticsView(other.observed()))
                                .toList())
                        .get(balance.currency()))
                : Optional.empty();
        LowBalanceAssessment low = lowBalance.assess(balance, total, asOf);
        return new AccountDetailAsOf.Found(new AccountBalanceDetail(view, health, low));
    }

    @Override
    public List<CurrencySummary> overview(List<Label> labels) {
        StaleCutoffs cutoffs = settings.intervals().cutoffsAt(clock.instant());
        List<LatestBalance> all = readModel.allLatestBalances();
        List<LatestBalance> selected = selected(all, labels);
        Map<AccountId, LowBalanceAssessment> lowBalance = lowBalanceOf(all, selected, clock.instant());
        Map<Currency, List<LatestBalance>> byCurrency = new HashMap<>();
        selected.forEach(latest -> byCurrency
                .computeIfAbsent(latest.account().currency(), c -> new ArrayList<>())
                .add(latest));
        List<AccountBalance> balances =
                selected.stream().map(BalanceQueryService::analyticsView).toList();
        List<CurrencySummary> summaries = new ArrayList<>();
        for (CurrencyOverview overview : CurrencyOverview.perCurrency(balances)) {
            List<LatestBalance> ofCurrency = byCurrency.get(overview.currency());
            List<AccountId> low = new ArrayList<>();
            Map<String, Integer> tiers = new LinkedHashMap<>();
            settings.healthScale().tiers(overview.currency()).ifPresent(scale -> {
                scale.tiers().forEach(tier -> tiers.put(tier.label(), 0));
                tiers.put(scale.floorLabel(), 0);
            });
            int stale = 0;
            for (LatestBalance latest : ofCurrency) {
                AccountBalance balance = analyticsView(latest);
                if (lowBalance.get(balance.id()).isLow()) {
                    low.add(balance.id());
                }
                tiers.merge(settings.healthScale().rate(balance.available()).label(), 1, Integer::sum);
                if (cutoffs.isStale(latest.account().source(), latest.observedAt())) {
                    stale++;
                }
            }
            low.sort(java.util.Comparator.comparing(AccountId::value));
            summaries.add(new CurrencySummary(overview, low, tiers, stale));
        }
        return summaries;
    }

    @Override
    public List<LabelGroupSummary> overviewByLabel(String key, List<Label> labels) {
        List<LatestBalance> all = readModel.allLatestBalances();
        List<LatestBalance> selected = selected(all, labels);
        Map<AccountId, LowBalanceAssessment> lowBalance = lowBalanceOf(all, selected, clock.instant());
        List<LabelGroupSummary> groups = new ArrayList<>();
        LabelGroups.by(key, selected, latest -> latest.account().labels()).forEach((value, members) -> {
            List<AccountBalance> balances =
                    members.stream().map(BalanceQueryService::analyticsView).toList();
            List<LabelGroupSummary.GroupCurrency> currencies = CurrencyOverview.perCurrency(balances).stream()
                    .map(overview -> new LabelGroupSummary.GroupCurrency(overview, (int) balances.stream()
                            .filter(b -> b.currency().equals(overview.currency()))
                            .filter(b -> lowBalance.get(b.id()).isLow())
                            .count()))
                    .toList();
            groups.add(new LabelGroupSummary(key, value, currencies));
        });
        return groups;
    }

    /**
     * The verdicts on the selected accounts at {@code at}: percent-of-total rules are judged against the total of every
     * account, whatever the filter selects, and runway rules with each account's burn.
     */
    private Map<AccountId, LowBalanceAssessment> lowBalanceOf(
            List<LatestBalance> all, List<LatestBalance> selected, Instant at) {
        Map<Currency, Money> totals = LowBalancePolicy.positiveTotals(
                all.stream().map(BalanceQueryService::analyticsView).toList());
        return lowBalance.assessAll(
                selected.stream().map(BalanceQueryService::analyticsView).toList(), totals, at);
    }

    private static List<LatestBalance> selected(List<LatestBalance> all, List<Label> labels) {
        return labels.isEmpty()
                ? all
                : all.stream()
                        .filter(latest -> latest.account().labels().hasAll(labels))
                        .toList();
    }

    static BalanceView view(LatestBalance latest, StaleCutoffs cutoffs) {
        return new BalanceView(latest, cutoffs.isStale(latest.account().source(), latest.observedAt()));
    }

    static AccountBalance analyticsView(LatestBalance latest) {
        return new AccountBalance(
                latest.account().id(),
                latest.account().name(),
                latest.balances().available(),
                latest.balances().initial());
    }
}
