package com.balancehistory.bootstrap.api;

import static com.balancehistory.bootstrap.api.ApiJson.list;
import static com.balancehistory.bootstrap.api.ApiJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.bootstrap.TestProperties;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
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
 * Cards over HTTP on the real service and PostgreSQL: the list of every card with its source, provider id, currency and
 * latest remaining per period; kind=card-limit on the balances list refused rather than answered with an empty list;
 * and a plan with an expense in another currency than the card's refused as a purchase check is.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardsApiIT extends ServiceTestSupport {

    static final String KEY = "reader-key-" + UUID.randomUUID();
    static final String SOURCE = "cards-" + UUID.randomUUID().toString().substring(0, 8);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    EmbeddedServer server;

    @Inject
    DSLContext dsl;

    @Inject
    JsonMapper json;

    ApiTestClient api;

    Account usdCard;
    Account eurCard;

    @Override
    protected Map<String, String> moreProperties() {
        return TestProperties.none().hashedApiKey("reader", "reader", KEY).asMap();
    }

    @BeforeAll
    void seed() {
        api = ApiTestClient.of(server);
        JooqSnapshotStore store = new JooqSnapshotStore(
                dsl, ChangeDetector.defaults(), card -> Map.of(LimitPeriod.DAILY, Money.parse("100", card.currency())));
        usdCard = Account.of(
                SOURCE,
                ProviderType.AHRVO,
                AccountKind.CARD_SPENDING_LIMIT,
                "card-usd",
                "Team card",
                CurrencyCodes.require("USD"));
        eurCard = Account.of(
                SOURCE,
                ProviderType.AHRVO,
                AccountKind.CARD_SPENDING_LIMIT,
                "card-eur",
                "Travel card",
                CurrencyCodes.require("EUR"));
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), NOW);
        FetchResult result = new FetchResult.Fetched(
                SOURCE,
                List.of(),
                List.of(limits(usdCard, "25.00", "400.00"), limits(eurCard, "60.00", "900.00")),
                List.of(),
                Set.of(),
                List.of());
        store.recordSource(
                new SourcePollRecord(pollId, SOURCE, "ahrvo", SourceOutcome.OK, Optional.empty(), NOW, NOW, result));
        store.finishPollRun(pollId, NOW);
    }

    private static CardLimitObservation limits(Account card, String daily, String weekly) {
        Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
        remaining.put(LimitPeriod.DAILY, Money.parse(daily, card.currency()));
        remaining.put(LimitPeriod.WEEKLY, Money.parse(weekly, card.currency()));
        return new CardLimitObservation(card, remaining);
    }

    @Test
    void every_card_is_listed_with_source_provider_id_currency_and_latest_remaining_per_period() throws Exception {
        JsonNode answer = ApiJson.ok(json, api.get("api/v1/cards", KEY));
        List<JsonNode> cards = list(answer.get("cards"));
        assertThat(answer.get("count").getIntValue()).isEqualTo(cards.size());

        List<JsonNode> ours = cards.stream()
                .filter(c -> SOURCE.equals(text(c.get("card"), "source")))
                .toList();
        assertThat(ours)
                .extracting(c -> text(c.get("card"), "accountId") + " " + text(c.get("card"), "externalId") + " "
                        + text(c.get("card"), "currency") + " " + text(c.get("card"), "provider"))
                .containsExactly(
                        eurCard.id().value() + " card-eur EUR ahrvo",
                        usdCard.id().value() + " card-usd USD ahrvo");
        JsonNode usd = ours.get(1);
        assertThat(Instant.parse(text(usd.get("card"), "observedAt"))).isEqualTo(NOW);
        assertThat(list(usd.get("periods")))
                .extracting(p -> text(p, "period") + " " + text(p, "remaining") + " " + text(p, "total"))
                .containsExactly("daily 25.00 100.00", "weekly 400.00 null");
        assertThat(text(usd, "headroom")).isEqualTo("25.00");
        // the list says what the one-card route says
        JsonNode one = ApiJson.ok(json, api.get("api/v1/cards/" + usdCard.id().value() + "/limits", KEY));
        assertThat(json.writeValueAsString(one)).isEqualTo(json.writeValueAsString(usd));
    }

    @Test
    void kind_card_limit_on_the_balances_list_is_refused_not_an_empty_list() {
        ApiTestClient.Response response = api.get("api/v1/balances?kind=card-limit", KEY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("kind").contains("/api/v1/cards");
        // the other kinds still filter
        assertThat(api.get("api/v1/balances?kind=card", KEY).status()).isEqualTo(200);
    }

    @Test
    void a_plan_refuses_an_expense_in_another_currency_than_the_card_s_as_purchase_check_does() {
        String path = "api/v1/cards/" + usdCard.id().value();
        ApiTestClient.Response check =
                api.post(path + "/purchase-check", KEY, "{\"amount\": \"10.00\", \"currency\": \"EUR\"}");
        assertThat(check.status()).isEqualTo(400);
        assertThat(check.body()).contains("currency").contains("never converted");

        ApiTestClient.Response plan = api.post(
                path + "/plan",
                KEY,
                "{\"expenses\": [{\"description\": \"lunch\", \"amount\": \"10.00\"},"
                        + " {\"description\": \"taxi\", \"amount\": \"5.00\", \"currency\": \"EUR\"}]}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(400);
        assertThat(plan.contentType()).startsWith("application/problem+json");
        assertThat(plan.body()).contains("expenses[1].currency").contains("never converted");

        ApiTestClient.Response wholePlan = api.post(
                path + "/plan",
                KEY,
                "{\"currency\": \"EUR\", \"expenses\": [{\"description\": \"lunch\", \"amount\": \"10.00\"}]}");
        assertThat(wholePlan.status()).isEqualTo(400);

        // in the card's currency, stated or not, the plan is answered
        JsonNode fits = ApiJson.ok(
                json,
                api.post(
                        path + "/plan",
                        KEY,
                        "{\"expenses\": [{\"description\": \"lunch\", \"amount\": \"10.00\", \"currency\": \"USD\"},"
                                + " {\"description\": \"taxi\", \"amount\": \"5.00\"}]}"));
        assertThat(text(fits, "total")).isEqualTo("15.00");
        assertThat(text(fits, "feasible")).isEqualTo("true");
    }
}
