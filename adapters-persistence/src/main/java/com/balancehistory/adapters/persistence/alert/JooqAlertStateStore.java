package com.balancehistory.adapters.persistence.alert;

import static com.balancehistory.db.jooq.Tables.ALERT_EVENT;
import static com.balancehistory.db.jooq.Tables.ALERT_STATE;

import com.balancehistory.adapters.persistence.AccountRanges;
import com.balancehistory.adapters.persistence.report.JooqDeliveryOutbox;
import com.balancehistory.adapters.persistence.report.Times;
import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.port.out.report.AccountRange;
import com.balancehistory.db.jooq.tables.records.AlertEventRecord;
import com.balancehistory.db.jooq.tables.records.AlertStateRecord;
import com.balancehistory.domain.alert.AlertKey;
import com.balancehistory.domain.alert.AlertKind;
import com.balancehistory.domain.alert.AlertState;
import com.balancehistory.domain.alert.AlertTransition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Alert states and events. A transition is applied only if the state row is still at the version it started from
 * (or still absent for a first firing), in the same transaction as its event and its notifications in the delivery outbox: of two instances evaluating at once,
 * one records and notifies, the other sees nothing to do.
 */
public final class JooqAlertStateStore implements AlertStateStore {

    private static final int MAX_MESSAGE = 2000;

    /** The account a state is about, as {@link AlertKey#accountId()} has it: a card limit's subject ends in its period. */
    private static final Field<String> ACCOUNT_OF_SUBJECT = DSL.when(
                    ALERT_STATE.KIND.eq(AlertKind.LOW_LIMIT.apiName()),
                    DSL.field("regexp_replace({0}, '/[^/]*$', '')", String.class, ALERT_STATE.SUBJECT))
            .otherwise(ALERT_STATE.SUBJECT);

    private final DSLContext dsl;

    public JooqAlertStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<AlertState> states() {
        return dsl.selectFrom(ALERT_STATE)
                .orderBy(ALERT_STATE.KIND, ALERT_STATE.SUBJECT)
                .fetch(JooqAlertStateStore::state);
    }

    @Override
    public List<AlertState> states(String source, AccountRange accounts) {
        return dsl.selectFrom(ALERT_STATE)
                .where(ALERT_STATE.SOURCE.eq(source))
                .and(ALERT_STATE.KIND.ne(AlertKind.STALE_DATA.apiName()))
                .and(AccountRanges.within(ACCOUNT_OF_SUBJECT, accounts))
                .orderBy(ALERT_STATE.KIND, ALERT_STATE.SUBJECT)
                .fetch(JooqAlertStateStore::state);
    }

    @Override
    public Optional<AlertState> state(AlertKey key) {
        return dsl.selectFrom(ALERT_STATE)
                .where(ALERT_STATE.KIND.eq(key.kind().apiName()))
                .and(ALERT_STATE.SUBJECT.eq(key.subject()))
                .fetchOptional(JooqAlertStateStore::state);
    }

    @Override
    public List<AlertState> activeStates() {
        return dsl.selectFrom(ALERT_STATE)
                .where(ALERT_STATE.ACTIVE)
                .orderBy(ALERT_STATE.KIND, ALERT_STATE.SUBJECT)
                .fetch(JooqAlertStateStore::state);
    }

    @Override
    public List<String> activeSources() {
        return dsl.selectDistinct(ALERT_STATE.SOURCE)
                .from(ALERT_STATE)
                .where(ALERT_STATE.ACTIVE)
                .orderBy(ALERT_STATE.SOURCE)
                .fetch(ALERT_STATE.SOURCE);
    }

    @Override
    public Map<AlertKind, Long> activeCounts() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        dsl.select(ALERT_STATE.KIND, DSL.count())
                .from(ALERT_STATE)
                .where(ALERT_STATE.ACTIVE)
                .groupBy(ALERT_STATE.KIND)
                .fetch()
                .forEach(row -> counts.put(
                        AlertKind.fromApiName(row.value1()), row.value2().longValue()));
        return counts;
    }

    @Override
    public Optional<AlertEvent> apply(
            AlertTransition transition, Function<AlertEvent, List<OutboundDelivery>> announce) {
        if (transition instanceof AlertTransition.Fire fire) {
            return write(
                    fire.previous(),
                    fire.state(),
                    AlertEvent.Type.FIRED,
                    fire.state().firedAt(),
                    announce);
        }
        if (transition instanceof AlertTransition.Resolve resolve) {
            return write(
                    Optional.of(resolve.previous()),
                    resolve.state(),
                    AlertEvent.Type.RESOLVED,
                    resolve.state().resolvedAt().orElseThrow(),
                    announce);
        }
        return Optional.empty();
    }

    private Optional<AlertEvent> write(
            Optional<AlertState> previous,
            AlertState next,
            AlertEvent.Type type,
            Instant at,
            Function<AlertEvent, List<OutboundDelivery>> announce) {
        return dsl.transactionResult(tx -> {
            DSLContext db = DSL.using(tx);
            int written;
            if (previous.isEmpty()) {
                written = db.insertInto(ALERT_STATE)
                        .set(row(db.newRecord(ALERT_STATE), next))
                        .onConflictDoNothing()
                        .execute();
            } else {
                written = db.update(ALERT_STATE)
                        .set(row(db.newRecord(ALERT_STATE), next))
                        .where(ALERT_STATE.KIND.eq(next.key().kind().apiName()))
                        .and(ALERT_STATE.SUBJECT.eq(next.key().subject()))
                        .and(ALERT_STATE.VERSION.eq(previous.get().version()))
                        .execute();
            }
            if (written != 1) {
                return Optional.<AlertEvent>empty();
            }
            AlertEventRecord event = db.insertInto(ALERT_EVENT)
                    .set(ALERT_EVENT.KIND, next.key().kind().apiName())
                    .set(ALERT_EVENT.SUBJECT, next.key().subject())
                    .set(ALERT_EVENT.EVENT_TYPE, type.code())
                    .set(ALERT_EVENT.OCCURRED_AT, Times.utc(at))
                    .set(ALERT_EVENT.SOURCE, next.source())
                    .set(ALERT_EVENT.OBSERVED_VALUE, scaled(next.value()))
                    .set(ALERT_EVENT.THRESHOLD_VALUE, scaled(next.threshold()))
                    .set(ALERT_EVENT.UNIT, next.unit().orElse(null))
                    .set(ALERT_EVENT.MESSAGE, cut(next.message()))
                    .set(ALERT_EVENT.FIRED_AT, Times.utc(next.firedAt()))
                    .returning()
                    .fetchOne();
            AlertEvent recorded = event(event);
            // the notifications commit with the event, or neither does
            JooqDeliveryOutbox.enqueue(db, announce.apply(recorded), at);
            return Optional.of(recorded);
        });
    }

    @Override
    public List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit) {
        Condition where = DSL.trueCondition();
        if (from.isPresent()) {
            where = where.and(ALERT_EVENT.OCCURRED_AT.ge(Times.utc(from.get())));
        }
        if (to.isPresent()) {
            where = where.and(ALERT_EVENT.OCCURRED_AT.lt(Times.utc(to.get())));
        }
        return dsl.selectFrom(ALERT_EVENT)
                .where(where)
                .orderBy(ALERT_EVENT.OCCURRED_AT.desc(), ALERT_EVENT.ID.desc())
                .limit(limit)
                .fetch(JooqAlertStateStore::event);
    }

    private static AlertStateRecord row(AlertStateRecord row, AlertState state) {
        return row.setKind(state.key().kind().apiName())
                .setSubject(state.key().subject())
                .setActive(state.active())
                .setSource(state.source())
                .setObservedValue(scaled(state.value()))
                .setThresholdValue(scaled(state.threshold()))
                .setUnit(state.unit().orElse(null))
                .setMessage(cut(state.message()))
                .setFiredAt(Times.utc(state.firedAt()))
                .setResolvedAt(Times.utc(state.resolvedAt().orElse(null)))
                .setVersion(state.version());
    }

    private static AlertState state(AlertStateRecord row) {
        return new AlertState(
                new AlertKey(AlertKind.fromApiName(row.getKind()), row.getSubject()),
                row.getActive(),
                row.getSource(),
                Optional.ofNullable(row.getObservedValue()).map(BigDecimal::stripTrailingZeros),
                Optional.ofNullable(row.getThresholdValue()).map(BigDecimal::stripTrailingZeros),
                Optional.ofNullable(row.getUnit()),
                row.getMessage(),
                row.getFiredAt().toInstant(),
                Optional.ofNullable(row.getResolvedAt()).map(t -> t.toInstant()),
                row.getVersion());
    }

    private static AlertEvent event(AlertEventRecord row) {
        return new AlertEvent(
                row.getId(),
                new AlertKey(AlertKind.fromApiName(row.getKind()), row.getSubject()),
                AlertEvent.Type.valueOf(row.getEventType().toUpperCase(java.util.Locale.ROOT)),
                row.getOccurredAt().toInstant(),
                row.getSource(),
                Optional.ofNullable(row.getObservedValue()).map(BigDecimal::stripTrailingZeros),
                Optional.ofNullable(row.getThresholdValue()).map(BigDecimal::stripTrailingZeros),
                Optional.ofNullable(row.getUnit()),
                row.getMessage(),
                row.getFiredAt().toInstant());
    }

    private static BigDecimal scaled(Optional<BigDecimal> value) {
        return value.map(v -> v.setScale(4, RoundingMode.HALF_EVEN)).orElse(null);
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }
}
