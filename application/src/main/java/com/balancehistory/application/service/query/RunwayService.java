package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.in.query.AccountRunway;
import com.balancehistory.application.port.in.query.ForecastRunwayUseCase;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.in.query.TopUpPlan;
import com.balancehistory.application.port.in.query.TopUpPlan.CurrencyTopUp;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.account.LabelGroups;
import com.balancehistory.domain.analytics.BalanceTrend;
import com.balancehistory.domain.analytics.Runway;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runways and top-ups: each account's burn comes from its trend over the window ({@link TrendWindow}), its balance
 * from its latest observation, and the arithmetic from {@link Runway}. Top-ups are summed per currency only.
 */
public final class RunwayService implements ForecastRunwayUseCase {

    private final BalanceReadModel readModel;
    private final QuerySettings settings;
    private final Clock clock;

    public RunwayService(BalanceReadModel readModel, QuerySettings settings, Clock clock) {
        this.readModel = readModel;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<AccountRunway> runway(AccountId account, Duration window, Duration target) {
        validate(window, target);
        Instant now = clock.instant();
        return readModel.latestBalance(account).map(latest -> runwayOf(latest, window, target, now));
    }

    @Override
    public TopUpPlan topUps(Duration window, Duration target, List<Label> labels, Optional<String> groupBy) {
        validate(window, target);
        Instant now = clock.instant();
        List<LatestBalance> candidates = readModel.allLatestBalances().stream()
                .filter(latest -> latest.goneAt().isEmpty())
                .filter(latest -> latest.account().labels().hasAll(labels))
                .toList();
        // one read of every candidate's history: a read per account took minutes at ten thousand accounts
        Map<AccountId, BalanceTrend> trends = TrendWindow.ofAll(
                readModel,
                settings,
                candidates.stream().map(latest -> latest.account().id()).toList(),
                window,
                now);
        List<AccountRunway> needing = candidates.stream()
                .map(latest -> runwayOf(latest, trends.get(latest.account().id()), window, target, now))
                .filter(runway -> runway.runway().needsTopUp())
                .sorted(Comparator.comparing(
                                (AccountRunway r) -> r.account().currency().getCurrencyCode())
                        .thenComparing(r -> r.runway().topUp().orElseThrow(), Comparator.reverseOrder())
                        .thenComparing(r -> r.account().id().value()))
                .toList();
        List<TopUpPlan.Group> groups = new ArrayList<>();
        groupBy.ifPresent(key -> LabelGroups.by(key, needing, r -> r.account().labels())
                .forEach((value, members) -> groups.add(new TopUpPlan.Group(value, perCurrency(members)))));
        return new TopUpPlan(window, target, now, needing, perCurrency(needing), groupBy, groups);
    }

    private AccountRunway runwayOf(LatestBalance latest, Duration window, Duration target, Instant now) {
        return runwayOf(
                latest, TrendWindow.of(readModel, settings, latest.account().id(), window, now), window, target, now);
    }

    private static AccountRunway runwayOf(
            LatestBalance latest, BalanceTrend trend, Duration window, Duration target, Instant now) {
        Runway runway = Runway.of(latest.balances().available(), latest.observedAt(), trend, target);
        return new AccountRunway(latest.account(), window, now, runway);
    }

    /** Sums per currency, in the order of the currency codes; amounts of two currencies are never added. */
    private static List<CurrencyTopUp> perCurrency(List<AccountRunway> runways) {
        Map<String, CurrencyTopUp> byCurrency = new TreeMap<>();
        for (AccountRunway runway : runways) {
            Money topUp = runway.runway().topUp().orElseThrow();
            byCurrency.merge(
                    topUp.currencyCode(),
                    new CurrencyTopUp(1, topUp),
                    (a, b) -> new CurrencyTopUp(
                            a.accounts() + b.accounts(), a.total().plus(b.total())));
        }
        return List.copyOf(byCurrency.values());
    }

    private void validate(Duration window, Duration target) {
        TrendWindow.requireValid("window", window, settings);
        if (target.isZero() || target.isNegative()) {
            throw new InvalidQueryException("target", "target must be positive, got " + target);
        }
    }
}
