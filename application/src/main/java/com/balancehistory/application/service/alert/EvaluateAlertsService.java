package com.balancehistory.application.service.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.in.report.DeliverPayloadUseCase;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.application.port.out.report.AsOfSnapshots.AccountValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.CardLimitValue;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SignificantChange;
import com.balancehistory.application.port.out.report.AsOfSnapshots.SourcePolls;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertReading;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import com.balancehistory.domain.alert.Condition;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the alert rules against the newest recorded values, applies each alert's lifecycle (fire once, stay quiet,
 * resolve past the hysteresis band), records every firing and resolution, and notifies the configured targets. Run
 * after every recorded poll and on the report tick; several instances (and threads) may run it at once, since each
 * transition is applied only once.
 */
public final class EvaluateAlertsService implements EvaluateAlertsUseCase {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AsOfSnapshots snapshots;
    private final AlertStateStore store;
    private final AlertRules rules;
    private final DeliverPayloadUseCase delivery;
    private final ReportRenderer renderer;
    private final Clock clock;

    public EvaluateAlertsService(
            AsOfSnapshots snapshots,
            AlertStateStore store,
            AlertRules rules,
            DeliverPayloadUseCase delivery,
            ReportRenderer renderer,
            Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.rules = rules;
        this.delivery = delivery;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public List<AlertEvent> evaluate() {
        Instant now = clock.instant();
        Map<AlertKey, AlertState> states = new HashMap<>();
        store.states().forEach(state -> states.put(state.key(), state));
        Set<AlertKey> held = new HashSet<>();
        Map<AlertKey, AlertReading> readings = readings(now, states, held);
        states.values().stream()
                .filter(AlertState::active)
                .filter(state -> !readings.containsKey(state.key()) && !held.contains(state.key()))
                .forEach(state -> readings.put(state.key(), AlertReading.noLongerEvaluated(state)));

        List<AlertEvent> events = new ArrayList<>();
        for (AlertReading reading : readings.values()) {
            AlertTransition transition =
                    rules.lifecycle().next(Optional.ofNullable(states.get(reading.key())), reading, now);
            if (!(transition instanceof AlertTransition.None)) {
                store.apply(transition).ifPresent(events::add);
            }
        }
        if (!rules.targets().isEmpty()) {
            for (AlertEvent event : events) {
                delivery.deliver(
                        new DeliveryPayload(
                                "alert",
                                event.id(),
                                renderer.alertJson(event),
                                Map.of("alert-" + event.id() + ".json", renderer.alertJson(event))),
                        rules.targets());
            }
        }
        return events;
    }

    /**
     * The reading of every alert that a rule covers now, in a stable order. {@code held} receives the alerts that are
     * not judged now and keep whatever state they have (a source whose poll is in progress).
     */
    Map<AlertKey, AlertReading> readings(Instant now, Map<AlertKey, AlertState> states, Set<AlertKey> held) {
        AsOfSnapshots.Snapshot snapshot = snapshots.at(now);
        Map<AlertKey, AlertReading> readings = new LinkedHashMap<>();
        lowBalance(snapshot, readings);
        lowLimit(snapshot, readings);
        stale(snapshot, now, readings, held);
        significant(now, states, readings);
        topUpSettled(now, states, readings);
        return readings;
    }

    /** Low balances under the one low-balance policy ({@link LowBalancePolicy}), with the hysteresis band. */
    private void lowBalance(AsOfSnapshots.Snapshot snapshot, Map<AlertKey, AlertReading> readings) {
        List<AccountBalance> balances = new ArrayList<>();
        Map<String, AccountValue> byId = new HashMap<>();
        for (AccountValue account : snapshot.accounts()) {
            balances.add(new AccountBalance(
                    new AccountId(account.accountId()), account.name(), account.available(), account.initial()));
            byId.put(account.accountId(), account);
        }
        rules.lowBalance().evaluateAll(balances).forEach((id, assessment) -> {
            if (assessment.threshold().isEmpty()) {
                return;
            }
            AccountValue account = byId.get(id.value());
            Money threshold = assessment.threshold().get();
            Condition condition =
                    rules.hysteresis().lowerBound(account.available().amount(), threshold.amount());
            AlertKey key = new AlertKey(AlertKind.LOW_BALANCE, account.accountId());
            readings.put(
                    key,
                    new AlertReading(
                            key,
                            condition,
                            account.source(),
                            Optional.of(account.available().amount()),
                            Optional.of(threshold.amount()),
                            Optional.of(account.available().currencyCode()),
                            account.name() + ": available "
                                    + account.available()
                                    + (condition == Condition.BREACHED ? " is below " : " against threshold ")
                                    + threshold + " (" + describe(assessment) + ")"));
        });
    }

    private void lowLimit(AsOfSnapshots.Snapshot snapshot, Map<AlertKey, AlertReading> readings) {
        for (CardLimitValue limit : snapshot.cardLimits()) {
            if (limit.total().isEmpty() || limit.total().get().isZero()) {
                continue;
            }
            Optional<AlertRules.LowLimit> rule = rules.lowLimit().stream()
                    .filter(r -> r.period().filter(limit.period()::equals).isPresent())
                    .findFirst()
                    .or(() -> rules.lowLimit().stream()
                            .filter(r -> r.period().isEmpty())
                            .findFirst());
            if (rule.isEmpty()) {
                continue;
            }
            Money total = limit.total().get();
            Money threshold = total.times(rule.get().percent().movePointLeft(2));
            Condition condition =
                    rules.hysteresis().lowerBound(limit.remaining().amount(), threshold.amount());
            BigDecimal percentLeft =
                    limit.remaining().amount().multiply(HUNDRED).divide(total.amount(), 2, RoundingMode.HALF_UP);
            AlertKey key = new AlertKey(
                    AlertKind.LOW_LIMIT,
                    limit.accountId() + "/" + limit.period().apiName());
            readings.put(
                    key,
                    new AlertReading(
                            key,
                            condition,
                            limit.source(),
                            Optional.of(limit.remaining().amount()),
                            Optional.of(threshold.amount()),
                            Optional.of(limit.remaining().currencyCode()),
                            limit.name() + ": " + limit.period().apiName() + " limit remaining " + limit.remaining()
                                    + " ("
                                    + percentLeft.toPlainString() + " % of " + total + "), threshold "
                                    + rule.get().percent().stripTrailingZeros().toPlainString() + " %"));
        }
    }

    /**
     * A source is stale after the configured number of poll intervals without a successful poll. While a poll of it
     * is in progress it is not judged at all: after a restart, or on a provider slower than the stale limit, the data
     * is old only because the answer is still coming, and an alert fired now would resolve a moment later. An alert
     * already active stays active until the poll's outcome is known. A run whose instance died stops counting as in
     * progress once it is closed as interrupted.
     */
    private void stale(
            AsOfSnapshots.Snapshot snapshot, Instant now, Map<AlertKey, AlertReading> readings, Set<AlertKey> held) {
        if (rules.staleIntervals().isEmpty()) {
            return;
        }
        BigDecimal limit = rules.staleIntervals().get();
        for (SourcePolls source : snapshot.sources()) {
            Duration interval = rules.intervals().intervalOf(source.source());
            AlertKey key = new AlertKey(AlertKind.STALE_DATA, source.source());
            if (source.pollingSince().isPresent()) {
                held.add(key);
                continue;
            }
            if (source.lastSuccessAt().isEmpty()) {
                readings.put(
                        key,
                        new AlertReading(
                                key,
                                Condition.BREACHED,
                                source.source(),
                                Optional.empty(),
                                Optional.of(limit),
                                Optional.of("intervals"),
                                "source " + source.source() + " has never been polled successfully ("
                                        + source.consecutiveFailures() + " failed polls)"));
                continue;
            }
            Duration age = Duration.between(source.lastSuccessAt().get(), now);
            BigDecimal intervals = BigDecimal.valueOf(age.toMillis())
                    .divide(BigDecimal.valueOf(interval.toMillis()), 2, RoundingMode.DOWN);
            Condition condition = rules.hysteresis().upperBound(intervals, limit);
            readings.put(
                    key,
                    new AlertReading(
                            key,
                            condition,
                            source.source(),
                            Optional.of(intervals),
                            Optional.of(limit),
                            Optional.of("intervals"),
                            "source " + source.source()
                                    + ": last successful poll "
                                    + source.lastSuccessAt().get() + ", " + intervals.toPlainString()
                                    + " poll intervals of " + interval + " ago (limit " + limit.toPlainString() + ")"
                                    + source.lastError()
                                            .filter(e -> source.consecutiveFailures() > 0)
                                            .map(e -> "; last error: " + e)
                                            .orElse("")));
        }
    }

    private void significant(Instant now, Map<AlertKey, AlertState> states, Map<AlertKey, AlertReading> readings) {
        rules.significantWindow()
                .ifPresent(window -> recentChanges(
                        AlertKind.SIGNIFICANT_CHANGE,
                        window,
                        snapshots.significantChanges(now.minus(window), now.plusNanos(1)),
                        "significant change",
                        change -> change.name() + ": balance changed by "
                                + change.change() + " (" + change.previous() + " to " + change.available()
                                + ") at "
                                + change.observedAt(),
                        states,
                        readings));
    }

    /** A top-up that arrived (settled at the provider: Holyheld takes up to 5 minutes), so whoever sent it sees it. */
    private void topUpSettled(Instant now, Map<AlertKey, AlertState> states, Map<AlertKey, AlertReading> readings) {
        rules.topUpSettledWindow()
                .ifPresent(window -> recentChanges(
                        AlertKind.TOP_UP_SETTLED,
                        window,
                        snapshots.topUps(now.minus(window), now.plusNanos(1)),
                        "top-up",
                        change -> change.name() + ": top-up of " + change.change() + " settled (" + change.previous()
                                + " to " + change.available() + ") at " + change.observedAt(),
                        states,
                        readings));
    }

    /**
     * One alert per account with a change of {@code kind} within the window (the newest one), breached while it is
     * within the window; an active alert of the kind without such a change any more reads clear.
     */
    private static void recentChanges(
            AlertKind kind,
            Duration window,
            List<SignificantChange> changes,
            String what,
            java.util.function.Function<SignificantChange, String> message,
            Map<AlertKey, AlertState> states,
            Map<AlertKey, AlertReading> readings) {
        Map<String, SignificantChange> newest = new HashMap<>();
        for (SignificantChange change : changes) {
            newest.put(change.accountId(), change);
        }
        Set<String> accounts = new TreeSet<>(newest.keySet());
        states.values().stream()
                .filter(AlertState::active)
                .filter(state -> state.key().kind() == kind)
                .forEach(state -> accounts.add(state.key().subject()));
        for (String account : accounts) {
            AlertKey key = new AlertKey(kind, account);
            SignificantChange change = newest.get(account);
            if (change == null) {
                AlertState state = states.get(key);
                readings.put(
                        key,
                        new AlertReading(
                                key,
                                Condition.CLEAR,
                                state.source(),
                                Optional.empty(),
                                Optional.empty(),
                                state.unit(),
                                "no " + what + " of " + account + " within the last " + window));
            } else {
                readings.put(
                        key,
                        new AlertReading(
                                key,
                                Condition.BREACHED,
                                change.source(),
                                Optional.of(change.change().amount()),
                                Optional.empty(),
                                Optional.of(change.change().currencyCode()),
                                message.apply(change)));
            }
        }
    }

    private static String describe(LowBalanceAssessment assessment) {
        String scope = assessment.scope().orElseThrow().name().toLowerCase(java.util.Locale.ROOT) + " rule";
        LowBalanceRule rule = assessment.rule().orElseThrow();
        if (rule instanceof LowBalanceRule.PercentOfInitial percent) {
            return scope + ", " + percent.percent().stripTrailingZeros().toPlainString() + " % of initial";
        }
        if (rule instanceof LowBalanceRule.PercentOfTotal percent) {
            return scope + ", " + percent.percent().stripTrailingZeros().toPlainString() + " % of the currency total";
        }
        return scope + ", amount";
    }
}
