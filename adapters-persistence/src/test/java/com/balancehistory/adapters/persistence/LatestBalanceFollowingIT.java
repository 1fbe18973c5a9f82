package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.Money;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unchanged balances are not rewritten into latest_balance, yet every reader sees them as observed by the newest
 * poll that returned them; accounts a poll lacks keep their last sighting. Each case runs with one instance
 * recording every poll (it knows the previous poll's values) and with two instances taking turns (each finds the
 * other's poll newest, so it compares in SQL).
 */
class LatestBalanceFollowingIT {

    enum Recorders {
        ONE_INSTANCE,
        TWO_INSTANCES_TAKING_TURNS
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(300);
    private static final Instant T2 = T0.plusSeconds(600);
    private static final Instant T3 = T0.plusSeconds(900);

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final JooqBalanceReadModel readModel = new JooqBalanceReadModel(dsl);
    private List<JooqSnapshotStore> instances;
    private int polls;
    private String source;

    @BeforeEach
    void uniqueSource() {
        source = "follow-" + UUID.randomUUID().toString().substring(0, 8);
        polls = 0;
    }

    private void use(Recorders recorders) {
        JooqSnapshotStore first = newInstance();
        instances = recorders == Recorders.ONE_INSTANCE ? List.of(first) : List.of(first, newInstance());
    }

    @ParameterizedTest
    @EnumSource(Recorders.class)
    void an_unchanged_balance_is_not_rewritten_but_reads_as_observed_by_the_newest_poll(Recorders recorders) {
        use(recorders);
        record(T0, listed(balance("b1", "100.00"), balance("b2", "5.00")));
        long firstWrite = latestPollId("b1");
        record(T1, listed(balance("b1", "100.00"), balance("b2", "4.00")));
        record(T2, listed(balance("b1", "100.00"), balance("b2", "4.00")));

        assertThat(latestPollId("b1"))
                .as("row of the unchanged balance keeps the poll that wrote it")
                .isEqualTo(firstWrite);
        assertThat(observedAtInView("b1")).isEqualTo(T2);
        assertThat(observedAtInView("b2")).isEqualTo(T2);
        assertThat(readModel.latestBalance(id("b1")).map(LatestBalance::observedAt))
                .contains(T2);
        assertThat(inList("b1").observedAt()).as("in the list of all").isEqualTo(T2);
        assertThat(inList("b2").observedAt()).as("in the list of all").isEqualTo(T2);
        assertThat(readModel
                        .latestBalance(id("b2"))
                        .orElseThrow()
                        .balances()
                        .available()
                        .toPlainString())
                .isEqualTo("4.00");
        assertThat(count("balance_snapshot WHERE account_id = '" + id("b1").value() + "'"))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Recorders.class)
    void an_account_a_poll_did_not_return_keeps_its_last_sighting_until_it_comes_back(Recorders recorders) {
        use(recorders);
        record(T0, partial(balance("b1", "1.00"), balance("b2", "2.00")));
        record(T1, partial(balance("b1", "1.00"), balance("b2", "2.00")));
        record(T2, partial(balance("b1", "1.00")));

        assertThat(observedAtInView("b1")).isEqualTo(T2);
        assertThat(observedAtInView("b2"))
                .as("b2 was last seen by the poll at T1")
                .isEqualTo(T1);
        assertThat(readModel.latestBalance(id("b2")).map(LatestBalance::observedAt))
                .contains(T1);
        assertThat(inList("b2").observedAt()).as("in the list of all").isEqualTo(T1);
        assertThat(inList("b1").observedAt()).as("in the list of all").isEqualTo(T2);
        assertThat(dsl.fetchValue(
                        "SELECT last_seen_at FROM analytics.latest_balances WHERE account_id = ?", id("b2").value()))
                .isEqualTo(OffsetDateTime.parse("2026-11-20T10:05:00Z"));

        record(T3, partial(balance("b1", "1.00"), balance("b2", "2.00")));

        assertThat(observedAtInView("b2")).isEqualTo(T3);
        assertThat(count("analytics.balance_changes WHERE account_id = '" + id("b2").value() + "'"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Recorders.class)
    void a_change_after_unchanged_polls_is_paired_with_the_last_sighting_of_the_old_value(Recorders recorders) {
        use(recorders);
        record(T0, listed(balance("b1", "100.00")));
        record(T1, listed(balance("b1", "100.00")));
        record(T2, listed(balance("b1", "90.00")));
        record(T3, listed(balance("b1", "90.00")));

        List<Record> changes = dsl.fetch(
                "SELECT previous_observed_at, observed_at, previous_available, available "
                        + "FROM analytics.balance_changes WHERE account_id = ?",
                id("b1").value());
        assertThat(changes).hasSize(1);
        Record change = changes.get(0);
        assertThat(change.get("previous_observed_at", OffsetDateTime.class).toInstant())
                .isEqualTo(T1);
        assertThat(change.get("observed_at", OffsetDateTime.class).toInstant()).isEqualTo(T2);
        assertThat(change.get("previous_available", BigDecimal.class)).isEqualByComparingTo("100.00");
        assertThat(change.get("available", BigDecimal.class)).isEqualByComparingTo("90.00");
        assertThat(observedAtInView("b1")).isEqualTo(T3);
    }

    /** A poll commits while the list is read: just before the list reads one of the two tables it is made of. */
    @ParameterizedTest
    @ValueSource(strings = {"latest_balance", "source_balance_poll"})
    void the_list_of_all_read_while_a_poll_is_recorded_shows_only_sightings_that_happened(String table) {
        use(Recorders.ONE_INSTANCE);
        record(T0, listed(balance("b1", "100.00"), balance("b2", "5.00")));
        record(T1, listed(balance("b1", "100.00"), balance("b2", "5.00")));
        AtomicBoolean recordedDuringTheRead = new AtomicBoolean();
        DSLContext listing = DSL.using(
                beforeReading(table, PersistenceTestSupport.dataSource(), () -> {
                    if (recordedDuringTheRead.compareAndSet(false, true)) {
                        record(T2, listed(balance("b1", "100.00"), balance("b2", "4.00"), balance("b3", "7.00")));
                    }
                }),
                SQLDialect.POSTGRES);

        List<String> listed = new JooqBalanceReadModel(listing)
                .allLatestBalances().stream()
                        .filter(latest -> latest.account().source().equals(source))
                        .map(latest -> latest.account().externalId() + " "
                                + latest.balances().available().toPlainString() + " at " + latest.observedAt())
                        .toList();

        assertThat(recordedDuringTheRead).isTrue();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(listed)
                .as("each value at a time a poll saw it")
                .allMatch(line -> Set.of(
                                "b1 100.00 at " + T1, "b1 100.00 at " + T2, "b2 4.00 at " + T2, "b3 7.00 at " + T2)
                        .contains(line));
    }

    /**
     * Connections that run {@code commitFirst} (on a connection of its own) just before preparing a statement that
     * reads the table: what a poll committing at that moment does to whatever the reader read before.
     */
    private static DataSource beforeReading(String table, DataSource dataSource, Runnable commitFirst) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (ds, dsMethod, dsArgs) -> {
                    Object opened = invoke(dataSource, dsMethod, dsArgs);
                    if (!(opened instanceof Connection connection)) {
                        return opened;
                    }
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (c, method, args) -> {
                                if (method.getName().startsWith("prepare")
                                        && args[0] instanceof String sql
                                        && sql.contains(table)) {
                                    commitFirst.run();
                                }
                                return invoke(connection, method, args);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void a_poll_recorded_after_a_newer_one_adds_its_snapshots_but_not_its_older_values() {
        use(Recorders.ONE_INSTANCE);
        long older = open(T0);
        record(T1, listed(balance("b1", "50.00")));
        recordOpened(older, T0, listed(balance("b1", "70.00"), balance("b9", "9.00")));
        record(T2, listed(balance("b1", "50.00")));

        assertThat(readModel
                        .latestBalance(id("b1"))
                        .orElseThrow()
                        .balances()
                        .available()
                        .toPlainString())
                .isEqualTo("50.00");
        assertThat(observedAtInView("b1")).isEqualTo(T2);
        assertThat(observedAtInView("b9")).as("seen only by the older poll").isEqualTo(T0);
        assertThat(count("balance_snapshot WHERE account_id = '" + id("b1").value() + "'"))
                .isEqualTo(3);
        assertThat(count("analytics.balance_changes WHERE account_id = '" + id("b1").value() + "'"))
                .isZero();
    }

    @Test
    void an_instance_does_not_trust_what_it_remembers_once_another_instance_recorded_a_newer_poll() {
        use(Recorders.TWO_INSTANCES_TAKING_TURNS);
        record(T0, listed(balance("b1", "10.00"))); // first instance: remembers 10.00
        record(T1, listed(balance("b1", "12.00"))); // second instance
        record(T2, listed(balance("b1", "10.00"))); // first instance again: unchanged from what it remembers

        assertThat(readModel
                        .latestBalance(id("b1"))
                        .orElseThrow()
                        .balances()
                        .available()
                        .toPlainString())
                .isEqualTo("10.00");
        assertThat(dsl.fetch(
                                "SELECT previous_available, available FROM analytics.balance_changes WHERE account_id = ? "
                                        + "ORDER BY observed_at",
                                id("b1").value())
                        .map(r -> r.get(0, BigDecimal.class).toPlainString() + "->"
                                + r.get(1, BigDecimal.class).toPlainString()))
                .containsExactly("10.0000->12.0000", "12.0000->10.0000");
    }

    @Test
    void an_instance_writes_an_account_again_once_another_instance_renamed_it() {
        use(Recorders.TWO_INSTANCES_TAKING_TURNS);
        record(T0, listed(named("b1", "Travel", "10.00"))); // first instance writes and remembers "Travel"
        record(T1, listed(named("b1", "Travel 2027", "10.00"))); // second instance renames it
        record(T2, listed(named("b1", "Travel", "10.00"))); // first instance: the name it remembers writing

        assertThat(inList("b1").account().name()).isEqualTo("Travel");
        assertThat(dsl.fetchValue("SELECT name FROM account WHERE id = ?", id("b1").value()))
                .isEqualTo("Travel");
    }

    @ParameterizedTest
    @EnumSource(Recorders.class)
    void the_list_of_latest_balances_shows_each_account_renamed_gone_or_back_as_it_is_now(Recorders recorders) {
        use(recorders);
        record(T0, listed(balance("b1", "100.00"), balance("b2", "5.00")));
        record(T1, listed(named("b1", "Marketing Q4", "100.00"))); // b2 missing from the full list: gone

        assertThat(inList("b1").account().name()).isEqualTo("Marketing Q4");
        assertThat(inList("b1").goneAt()).isEmpty();
        assertThat(inList("b2").goneAt()).contains(T1);
        assertThat(readModel.latestBalance(id("b2")).orElseThrow().goneAt()).contains(T1);
        Record b1InView = dsl.fetchOne(
                "SELECT account_name, first_seen_at FROM analytics.latest_balances " + "WHERE account_id = ?",
                id("b1").value());
        assertThat(b1InView.get(0, String.class)).isEqualTo("Marketing Q4");
        assertThat(b1InView.get(1, OffsetDateTime.class).toInstant()).isEqualTo(T0);
        assertThat(dsl.fetchValue(
                        "SELECT gone_at FROM analytics.latest_balances WHERE account_id = ?", id("b2").value()))
                .isNotNull();

        record(T2, listed(named("b1", "Marketing Q4", "100.00"), balance("b2", "5.00")));

        assertThat(inList("b2").goneAt()).as("back in the list").isEmpty();
        assertThat(inList("b2").account().name()).isEqualTo("Budget b2");
    }

    @Test
    void a_latest_row_inserted_without_its_account_columns_gets_them_from_the_account() {
        use(Recorders.ONE_INSTANCE);
        record(T0, listed(named("b1", "Travel", "10.00")));
        String b1 = id("b1").value();
        Record recorded = dsl.fetchOne(
                "SELECT source, provider, kind, external_id, name, first_seen_at "
                        + "FROM latest_balance WHERE account_id = ?",
                b1);
        // the row holds the account's open run, so its values are taken before it goes
        Record values = dsl.fetchOne(
                "SELECT account_id, poll_id, observed_at, currency, available "
                        + "FROM latest_balance WHERE account_id = ?",
                b1);
        dsl.execute("DELETE FROM latest_balance WHERE account_id = ?", b1);

        dsl.execute(
                "INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available) "
                        + "VALUES (?, ?, ?::timestamptz, ?, ?)",
                values.get(0, String.class),
                values.get(1, Long.class),
                values.get(2, OffsetDateTime.class).toString(),
                values.get(3, String.class),
                values.get(4, BigDecimal.class));

        Record copied = dsl.fetchOne(
                "SELECT source, provider, kind, external_id, name, first_seen_at "
                        + "FROM latest_balance WHERE account_id = ?",
                b1);
        assertThat(copied.intoList())
                .as("filled by the row trigger")
                .isEqualTo(recorded.intoList())
                .containsExactly(source, "ahrvo", "budget", "b1", "Travel", OffsetDateTime.parse("2026-11-20T10:00Z"));
    }

    private LatestBalance inList(String externalId) {
        return readModel.allLatestBalances().stream()
                .filter(l -> l.account().id().equals(id(externalId)))
                .findFirst()
                .orElseThrow();
    }

    private BalanceObservation named(String externalId, String name, String amount) {
        return BalanceObservation.of(
                Fixtures.budget(source, externalId, name, "USD"), Balances.available(Money.parse(amount, "USD")));
    }

    private JooqSnapshotStore newInstance() {
        return new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
    }

    private BalanceObservation balance(String externalId, String amount) {
        return Fixtures.balance(source, externalId, amount, "USD");
    }

    /** A complete budget list. */
    private FetchResult.Fetched listed(BalanceObservation... balances) {
        return Fixtures.fetched(source, balances);
    }

    /** Balances read one by one (configured grants, say): a missing one is not gone, only not seen. */
    private FetchResult.Fetched partial(BalanceObservation... balances) {
        return new FetchResult.Fetched(source, List.of(balances), List.of(), List.of(), Set.of(), List.of());
    }

    private void record(Instant at, FetchResult result) {
        recordOpened(open(at), at, result);
    }

    private long open(Instant at) {
        return instances.get(0).openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
    }

    private void recordOpened(long pollId, Instant at, FetchResult result) {
        JooqSnapshotStore instance = instances.get(polls++ % instances.size());
        instance.recordSource(
                new SourcePollRecord(pollId, source, "ahrvo", SourceOutcome.OK, Optional.empty(), at, at, result));
    }

    private AccountId id(String externalId) {
        return balance(externalId, "0").account().id();
    }

    private long latestPollId(String externalId) {
        return dsl.fetchValue(
                                "SELECT poll_id FROM latest_balance WHERE account_id = ?",
                                id(externalId).value())
                        instanceof Long value
                ? value
                : -1;
    }

    private Instant observedAtInView(String externalId) {
        return dsl.fetchValue(
                                "SELECT observed_at FROM analytics.latest_balances WHERE account_id = ?",
                                id(externalId).value())
                        instanceof OffsetDateTime value
                ? value.toInstant()
                : null;
    }

    private int count(String fromWhere) {
        return dsl.fetchOne("SELECT count(*) FROM " + fromWhere).get(0, Integer.class);
    }
}
