package com.balancehistory.application.service.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.application.port.out.report.AsOfSnapshots.AccountValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.CardLimitValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SignificantChange;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.query.LowBalanceJudge;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertReading;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import com.balancehistory.domain.alert.LowBalanceAlertRule;
import com.balancehistory.domain.alert.LowLimitAlertRule;
import com.balancehistory.domain.alert.RecentChangeAlertRule;
import com.balancehistory.domain.alert.StaleDataAlertRule;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the alert rules against the newest recorded values, one source at a time, applies each alert's lifecycle
 * (fire once, stay quiet, resolve past the hysteresis band), records every firing and resolution, and writes the
 * notifications of the configured targets to the delivery outbox with each event (a background worker sends them).
 * Run after every recorded poll and on the report tick; several instances (and threads) may run it at once, since each
 * transition is applied only once. The rules' arithmetic and messages are the domain's ({@code *AlertRule} in
 * {@code domain.alert}); this service gathers their inputs and applies the outcome.
 */
public final class EvaluateAlertsService implements EvaluateAlertsUseCase {

    /** The accounts read and judged at once: bounds the evaluation's memory, whatever the size of a source. */
    public static final int ACCOUNTS_PER_RANGE = 1_000;

    private final AsOfSnapshots snapshots;
    private final AlertStateStore store;
    private final AlertRules rules;
    private final LowBalanceJudge lowBalance;
    private final ReportRenderer renderer;
    private final Clock clock;
    private final int accountsPerRange;

    public EvaluateAlertsService(
            AsOfSnapshots snapshots,
            AlertStateStore store,
            AlertRules rules,
            ReportRenderer renderer,
            DailyBurns burns,
            Clock clock) {
        this(snapshots, store, rules, renderer, burns, clock, ACCOUNTS_PER_RANGE);
    }

    /** {@code accountsPerRange}: how many of a source's accounts are read and judged at once. */
    public EvaluateAlertsService(
            AsOfSnapshots snapshots,
            AlertStateStore store,
            AlertRules rules,
            ReportRenderer renderer,
            DailyBurns burns,
            Clock clock,
            int accountsPerRange) {
        if (accountsPerRange < 1) {
            throw new IllegalArgumentException("accountsPerRange is at least 1, got " + accountsPerRange);
        }
        this.snapshots = snapshots;
        this.store = store;
        this.rules = rules;
        this.renderer = renderer;
        this.lowBalance = new LowBalanceJudge(rules.lowBalance(), burns);
        this.clock = clock;
        this.accountsPerRange = accountsPerRange;
    }

    @Override
    public List<AlertEvent> evaluate() {
        Instant now = clock.instant();
        // every source polled so far, and those whose active alerts need resolving though no poll result is left
        Set<String> sources = new TreeSet<>(snapshots.sources(now));
        sources.addAll(store.activeSources());
        return evaluate(now, sources);
    }

    @Override
    public List<AlertEvent> evaluate(Collection<String> sources) {
        return evaluate(clock.instant(), new TreeSet<>(sources));
    }

    /**
     * One source at a time, and within a source one range of accounts at a time (their snapshots, card limits,
     * changes and alert states), so the memory needed is bounded by the range, whatever the number of stored accounts
     * or the size of a source: the evaluation after a poll of one source never reads the others. Percent-of-total
     * rules take the currencies' totals over every account, summed in the database.
     */
    private List<AlertEvent> evaluate(Instant now, Set<String> sources) {
        Optional<Map<Currency, Money>> totals = rules.lowBalance().needsCurrencyTotals()
                ? Optional.of(snapshots.positiveTotals(now))
                : Optional.empty();
        List<AlertEvent> events = new ArrayList<>();
        for (String source : sources) {
            stale(now, source).ifPresent(events::add);
            Optional<String> after = Optional.empty();
            while (true) {
                Optional<String> through = snapshots.accountRangeEnd(source, after, accountsPerRange);
                events.addAll(evaluateAccounts(now, source, new AccountRange(after, through), totals));
                if (through.isEmpty()) {
                    break;
                }
                after = through;
            }
        }
        return events;
    }

    /**
     * The alerts about the source's accounts in {@code range}: every alert about them that a rule covers now, and
     * their active alerts no rule covers any more (resolved as no longer evaluated).
     */
    private List<AlertEvent> evaluateAccounts(
            Instant now, String source, AccountRange range, Optional<Map<Currency, Money>> totals) {
        Map<AlertKey, AlertState> states = new HashMap<>();
        store.states(source, range).forEach(state -> states.put(state.key(), state));
        AsOfSnapshots.Snapshot snapshot = snapshots.ofAccounts(now, source, range);
        Map<AlertKey, AlertReading> readings = new LinkedHashMap<>();
        lowBalance(snapshot, totals, readings);
        lowLimit(snapshot, readings);
        // significant changes, and top-ups that arrived (settled at the provider: Holyheld takes up to 5 minutes)
        Instant end = now.plusNanos(1);
        rules.significantWindow()
                .map(RecentChangeAlertRule::significantChange)
                .ifPresent(rule -> recentChanges(
                        rule,
                        snapshots.significantChanges(rule.windowStart(now), end, source, range),
                        states,
                        readings));
        rules.topUpSettledWindow()
                .map(RecentChangeAlertRule::topUpSettled)
                .ifPresent(rule -> recentChanges(
                        rule, snapshots.topUps(rule.windowStart(now), end, source, range), states, readings));
        states.values().stream()
                .filter(AlertState::active)
                .filter(state -> !readings.containsKey(state.key()))
                .forEach(state -> readings.put(state.key(), AlertReading.noLongerEvaluated(state)));

        List<AlertEvent> events = new ArrayList<>();
        for (AlertReading reading : readings.values()) {
            apply(now, Optional.ofNullable(states.get(reading.key())), reading).ifPresent(events::add);
        }
        return events;
    }

    /** The lifecycle's next step for one alert, recorded when there is one (and when no other instance was first). */
    private Optional<AlertEvent> apply(Instant now, Optional<AlertState> state, AlertReading reading) {
        AlertTransition transition = rules.lifecycle().next(state, reading, now);
        if (transition instanceof AlertTransition.None) {
            return Optional.empty();
        }
        return store.apply(transition, this::announcements);
    }

    /** The notifications of a recorded event, one per target: written to the outbox with the event. */
    private List<OutboundDelivery> announcements(AlertEvent event) {
        if (rules.targets().isEmpty()) {
            return List.of();
        }
        String json = renderer.alertJson(event);
        DeliveryPayload payload =
                new DeliveryPayload("alert", event.id(), json, Map.of("alert-" + event.id() + ".json", json));
        return rules.targets().stream()
                .map(target -> new OutboundDelivery(payload, target))
                .toList();
    }

    /**
     * Low balances under the one low-balance policy ({@link LowBalancePolicy}), with the hysteresis band. The range is
     * judged at once, so the burns its runway rules need are read in one go rather than account by account.
     */
    private void lowBalance(
            AsOfSnapshots.Snapshot snapshot,
            Optional<Map<Currency, Money>> allTotals,
            Map<AlertKey, AlertReading> readings) {
        List<AccountBalance> balances = new ArrayList<>(snapshot.accounts().size());
        for (AccountValue account : snapshot.accounts()) {
            balances.add(new AccountBalance(
                    new AccountId(account.accountId()), account.name(), account.available(), account.initial()));
        }
        // no rule needs the totals over every account when they are absent: the range's own are as good
        Map<Currency, Money> totals =
                new HashMap<>(allTotals.orElseGet(() -> LowBalancePolicy.positiveTotals(balances)));
        // a currency without a positive balance has a total of zero, not an unknown one
        balances.forEach(balance -> totals.putIfAbsent(balance.currency(), Money.zero(balance.currency())));
        Map<AccountId, LowBalanceAssessment> assessments = lowBalance.assessAll(balances, totals, snapshot.asOf());
        for (AccountValue account : snapshot.accounts()) {
            AccountId id = new AccountId(account.accountId());
            LowBalanceAlertRule.read(
                            id,
                            account.name(),
                            account.source(),
                            account.available(),
                            assessments.get(id),
                            rules.hysteresis())
                    .ifPresent(reading -> readings.put(reading.key(), reading));
        }
    }

    private void lowLimit(AsOfSnapshots.Snapshot snapshot, Map<AlertKey, AlertReading> readings) {
        for (CardLimitValue limit : snapshot.cardLimits()) {
            LowLimitAlertRule.read(
                            rules.lowLimit(),
                            limit.accountId(),
                            limit.name(),
                            limit.source(),
                            limit.period(),
                            limit.remaining(),
                            limit.total(),
                            rules.hysteresis())
                    .ifPresent(reading -> readings.put(reading.key(), reading));
        }
    }

    /**
     * A source is stale after the configured number of poll intervals without a successful poll. While a poll of it
     * is in progress it is not judged at all: after a restart, or on a provider slower than the stale limit, the data
     * is old only because the answer is still coming, and an alert fired now would resolve a moment later. An alert
     * already active stays active until the poll's outcome is known. A run whose instance died stops counting as in
     * progress once it is closed as interrupted. An active alert no rule covers any more resolves.
     */
    private Optional<AlertEvent> stale(Instant now, String source) {
        AlertKey key = new AlertKey(AlertKind.STALE_DATA, source);
        Optional<AlertState> state = store.state(key);
        Optional<AlertReading> reading = Optional.empty();
        if (rules.staleness().isPresent()) {
            Optional<SourcePolls> polls = snapshots.polls(now, source);
            if (polls.isPresent() && polls.get().pollingSince().isPresent()) {
                return Optional.empty();
            }
            StaleDataAlertRule rule = new StaleDataAlertRule(rules.staleness().get());
            reading = polls.map(poll -> rule.read(
                    poll.source(),
                    rules.intervals().intervalOf(poll.source()),
                    poll.lastSuccessAt(),
                    poll.consecutiveFailures(),
                    poll.lastError(),
                    now,
                    rules.hysteresis()));
        }
        if (reading.isEmpty()) {
            reading = state.filter(AlertState::active).map(AlertReading::noLongerEvaluated);
        }
        return reading.flatMap(found -> apply(now, state, found));
    }

    /** The rule's readings of the accounts' newest change of its kind in the window (changes come oldest first). */
    private static void recentChanges(
            RecentChangeAlertRule rule,
            List<SignificantChange> changes,
            Map<AlertKey, AlertState> states,
            Map<AlertKey, AlertReading> readings) {
        Map<String, SignificantChange> newest = new HashMap<>();
        changes.forEach(change -> newest.put(change.accountId(), change));
        Map<String, AlertReading> changed = new HashMap<>();
        newest.forEach((account, change) -> changed.put(
                account,
                rule.changed(
                        change.accountId(),
                        change.name(),
                        change.source(),
                        change.previous(),
                        change.available(),
                        change.change(),
                        change.observedAt())));
        rule.readings(changed, states).forEach(reading -> readings.put(reading.key(), reading));
    }
}
