package com.balancehistory.application.service.query;

import com.balancehistory.application.port.in.query.ActiveAlert;
import com.balancehistory.application.port.in.query.ActiveAlertsQuery;
import com.balancehistory.application.port.out.query.BalanceReadModel;
import com.balancehistory.application.port.out.query.CardLimitReadModel;
import com.balancehistory.application.port.out.query.CardLimitsReading;
import com.balancehistory.application.port.out.query.LatestBalance;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.limit.LimitStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Active alerts computed on every call from the latest values: accounts whose balance is low under the configured
 * rules, card limit periods that are used up (nothing left, or utilization at or above the configured share), and
 * sources whose newest values are stale (one alert per source; accounts gone from their provider do not count).
 * Ordered by kind, then source, then account.
 */
public final class ComputeActiveAlertsService implements ActiveAlertsQuery {

    private final BalanceReadModel balances;
    private final CardLimitReadModel cards;
    private final QuerySettings settings;
    private final Clock clock;

    public ComputeActiveAlertsService(BalanceReadModel balances, CardLimitReadModel cards, QuerySettings settings,
                                      Clock clock) {
        this.balances = balances;
        this.cards = cards;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<ActiveAlert> activeAlerts() {
        StaleCutoffs cutoffs = settings.intervals().cutoffsAt(clock.instant());
        List<ActiveAlert> alerts = new ArrayList<>();
        Map<String, StaleSource> staleSources = new TreeMap<>();
        for (LatestBalance latest : balances.allLatestBalances()) {
            LowBalanceAssessment low = settings.lowBalance().evaluate(BalanceQueryService.analyticsView(latest));
            if (low.isLow()) {
                alerts.add(new ActiveAlert(ActiveAlert.Kind.LOW_BALANCE, latest.account().source(),
                        Optional.of(latest.account().id().value()), Optional.empty(), Optional.of(low.available()),
                        low.threshold(), latest.observedAt(), latest.account().name() + ": " + low.reason()));
            }
            if (latest.goneAt().isEmpty() && cutoffs.isStale(latest.account().source(), latest.observedAt())) {
                staleSources.computeIfAbsent(latest.account().source(), StaleSource::new).add(latest.observedAt());
            }
        }
        for (CardLimitsReading reading : cards.allCards()) {
            for (LimitStatus status : reading.limits().statuses()) {
                boolean nothingLeft = status.remaining().isZero();
                boolean mostlyUsed = status.utilization()
                        .map(u -> u.compareTo(settings.lowLimitUtilization()) >= 0).orElse(false);
                if (nothingLeft || mostlyUsed) {
                    String why = nothingLeft ? "nothing remains"
                            : "utilization " + status.utilization().orElseThrow().movePointRight(2).stripTrailingZeros()
                            .toPlainString() + " % of " + status.total().orElseThrow();
                    alerts.add(new ActiveAlert(ActiveAlert.Kind.LOW_LIMIT, reading.card().source(),
                            Optional.of(reading.card().id().value()), Optional.of(status.period()),
                            Optional.of(status.remaining()), status.total(), reading.observedAt(),
                            reading.card().name() + ": " + status.period().apiName() + " limit low, " + why
                                    + " (remaining " + status.remaining() + ")"));
                }
            }
            if (cutoffs.isStale(reading.card().source(), reading.observedAt())) {
                staleSources.computeIfAbsent(reading.card().source(), StaleSource::new).add(reading.observedAt());
            }
        }
        staleSources.values().forEach(stale -> alerts.add(new ActiveAlert(ActiveAlert.Kind.STALE_DATA, stale.source,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), stale.oldest,
                "source " + stale.source + ": " + stale.accounts + " account(s) not updated for more than twice "
                        + "the poll interval of " + settings.intervals().intervalOf(stale.source) + "; oldest value "
                        + "from " + stale.oldest)));
        alerts.sort(Comparator.comparing(ActiveAlert::kind).thenComparing(ActiveAlert::source)
                .thenComparing(alert -> alert.account().orElse(""))
                .thenComparing(alert -> alert.period().map(Enum::ordinal).orElse(-1)));
        return alerts;
    }

    private static final class StaleSource {
        private final String source;
        private int accounts;
        private Instant oldest = Instant.MAX;

        StaleSource(String source) {
            this.source = source;
        }

        void add(Instant observedAt) {
            accounts++;
            oldest = observedAt.isBefore(oldest) ? observedAt : oldest;
        }
    }
}
