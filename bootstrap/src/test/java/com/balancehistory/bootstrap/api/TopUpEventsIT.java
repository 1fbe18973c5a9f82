package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.in.alert.EvaluateAlertsUseCase;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Top-ups as events, on the real service and PostgreSQL, recorded through the service's own snapshot store with
 * configured noise (USD 1.00 and 1 % of the previous balance): an increase beyond both is a {@code top-up} in the
 * account's history, in {@code analytics.balance_changes.direction} and as a {@code top-up-settled} alert; an increase
 * within either is not.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopUpEventsIT extends ServiceTestSupport {

    static final String KEY = "reader-key-" + UUID.randomUUID();
    static final String SOURCE = "topups-" + UUID.randomUUID().toString().substring(0, 8);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant SMALL_AT = NOW.minus(Duration.ofHours(2));
    static final Instant TOP_UP_AT = NOW.minus(Duration.ofMinutes(10));
    static final Instant SPENT_AT = NOW.minus(Duration.ofMinutes(5));

    @Inject
    EmbeddedServer server;

    @Inject
    JooqSnapshotStore store;

    @Inject
    DSLContext dsl;

    @Inject
    JsonMapper json;

    @Inject
    EvaluateAlertsUseCase alerts;

    ApiTestClient api;

    Account card;
    Account large;

    @Override
    protected Map<String, String> moreProperties() {
        Map<String, String> p = new HashMap<>();
        p.putAll(TestProperties.none().hashedApiKey("reader", "reader", KEY).asMap());
        p.put("balance-history.top-ups.noise-amount.USD", "1.00");
        p.put("balance-history.top-ups.noise-percent", "1");
        p.put("balance-history.alerts.top-up-settled-window", "1h");
        return p;
    }

    @BeforeAll
    void seed() {
        api = ApiTestClient.of(server);
        card = Account.of(
                SOURCE, ProviderType.HOLYHELD, AccountKind.CARD_BALANCE, "c1", "Holyheld card", currency("USD"));
        large = Account.of(SOURCE, ProviderType.HOLYHELD, AccountKind.CARD_BALANCE, "c2", "Big card", currency("USD"));
        record(NOW.minus(Duration.ofHours(3)), "100.00", "10000.00");
        // +0.50 on the small card: within the 1.00 noise; +50.00 on the big one: beyond 1.00 but only 0.5 %
        record(SMALL_AT, "100.50", "10050.00");
        // +500.00: a top-up
        record(TOP_UP_AT, "600.50", "10050.00");
        record(SPENT_AT, "550.50", "10050.00");
    }

    private static java.util.Currency currency(String code) {
        return CurrencyCodes.require(code);
    }

    private void record(Instant at, String small, String big) {
        List<BalanceObservation> balances = List.of(
                BalanceObservation.of(card, Balances.available(Money.parse(small, "USD"))),
                BalanceObservation.of(large, Balances.available(Money.parse(big, "USD"))));
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
        FetchResult result = new FetchResult.Fetched(SOURCE, balances, List.of(), List.of(), Set.of(), List.of());
        store.recordSource(
                new SourcePollRecord(pollId, SOURCE, "holyheld", SourceOutcome.OK, Optional.empty(), at, at, result));
        store.finishPollRun(pollId, at);
    }

    private JsonNode history(Account account) {
        return ApiJson.ok(
                json,
                api.get(
                        "api/v1/balances/" + account.id().value() + "/history?from=" + NOW.minus(Duration.ofDays(1))
                                + "&to=" + NOW.plusSeconds(1),
                        KEY));
    }

    @Test
    void an_increase_beyond_the_noise_is_a_top_up_event_in_the_account_s_history() {
        JsonNode history = history(card);

        assertThat(list(history.get("events"))).singleElement().satisfies(event -> {
            assertThat(text(event, "kind")).isEqualTo("top-up");
            assertThat(Instant.parse(text(event, "observedAt"))).isEqualTo(TOP_UP_AT);
            assertThat(text(event, "amount")).isEqualTo("500.00");
            assertThat(text(event, "previous")).isEqualTo("100.50");
            assertThat(text(event, "available")).isEqualTo("600.50");
        });
        // the bucketed history carries the same events
        JsonNode daily = ApiJson.ok(
                json,
                api.get(
                        "api/v1/balances/" + card.id().value() + "/history?bucket=day&from="
                                + NOW.minus(Duration.ofDays(1)) + "&to=" + NOW.plusSeconds(1),
                        KEY));
        assertThat(list(daily.get("events"))).extracting(e -> text(e, "amount")).containsExactly("500.00");
    }

    @Test
    void an_increase_within_the_noise_amount_or_percent_is_no_top_up() {
        assertThat(list(history(large).get("events"))).isEmpty();
    }

    @Test
    void analytics_balance_changes_says_the_direction_of_every_change() {
        List<String> directions = dsl.fetch(
                        "SELECT account_name, change, direction FROM analytics.balance_changes "
                                + "WHERE source = ? ORDER BY account_name, observed_at",
                        SOURCE)
                .map(r -> r.get(0, String.class) + " "
                        + r.get(1, java.math.BigDecimal.class)
                                .stripTrailingZeros()
                                .toPlainString() + " " + r.get(2, String.class));

        assertThat(directions)
                .containsExactly(
                        "Big card 50 increase",
                        "Holyheld card 0.5 increase",
                        "Holyheld card 500 top-up",
                        "Holyheld card -50 decrease");
        // the view keeps its columns in their order, direction added at the end
        List<String> columns = dsl.fetch(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'analytics' "
                                + "AND table_name = 'balance_changes' ORDER BY ordinal_position")
                .map(r -> r.get(0, String.class));
        assertThat(columns)
                .containsExactly(
                        "observed_at",
                        "previous_observed_at",
                        "poll_id",
                        "provider",
                        "source",
                        "account_id",
                        "account_name",
                        "kind",
                        "currency",
                        "previous_available",
                        "available",
                        "change",
                        "significant",
                        "direction");
    }

    @Test
    void a_top_up_within_the_window_fires_a_top_up_settled_alert() {
        List<AlertEvent> fired = alerts.evaluate();
        assertThat(fired.stream()
                        .map(e -> e.key().kind().apiName() + " " + e.key().subject()))
                .contains("top-up-settled " + card.id().value())
                .doesNotContain("top-up-settled " + large.id().value());

        JsonNode active = ApiJson.ok(json, api.get("api/v1/alerts", KEY));
        assertThat(list(active.get("alerts")))
                .filteredOn(a -> "top-up-settled".equals(text(a, "kind")))
                .filteredOn(a -> card.id().value().equals(text(a, "accountId")))
                .singleElement()
                .satisfies(a -> {
                    assertThat(text(a, "value")).isEqualTo("500.00");
                    assertThat(text(a, "currency")).isEqualTo("USD");
                    assertThat(text(a, "message")).contains("top-up of 500.00 USD settled");
                });
    }
}
