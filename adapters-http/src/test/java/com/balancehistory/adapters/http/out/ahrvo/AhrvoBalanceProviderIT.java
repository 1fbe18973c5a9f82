package com.balancehistory.adapters.http.out.ahrvo;

import static com.balancehistory.adapters.http.out.testing.Results.failed;
import static com.balancehistory.adapters.http.out.testing.Results.fetched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.testing.Results;
import com.balancehistory.adapters.http.out.testing.SimulatorBackedContract;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AhrvoBalanceProviderIT extends SimulatorBackedContract {

    private static final String CARD = "card201907021723076245";
    private static final String OTHER_CARD = "card201907021723076246";

    private BalanceProvider provider(List<String> cards) {
        return provider(SimulatorSources.ahrvo(sim, cards));
    }

    private BalanceProvider provider(Map<String, Object> raw) {
        return BalanceProviderFactory.create(SimulatorSources.settings("ahrvo-main", raw), runtime.runtime());
    }

    private static Map<String, BalanceObservation> byExternalId(FetchResult.Fetched fetched) {
        return fetched.balances().stream()
                .collect(Collectors.toMap(b -> b.account().externalId(), b -> b));
    }

    @Test
    void reads_the_documented_budget_sample_to_the_exact_amounts_each_in_its_own_currency() {
        FetchResult.Fetched fetched = fetched(provider(List.of()).fetch());

        Map<String, BalanceObservation> budgets = byExternalId(fetched);
        assertThat(budgets.get("ci202507232016182661").balances().available())
                .isEqualTo(Money.parse("45250.75", "USD"));
        assertThat(budgets.get("ci202507232016182662").balances().available())
                .isEqualTo(Money.parse("78900.00", "USD"));
        assertThat(budgets.get("ci202507232016182663").balances().available())
                .isEqualTo(Money.parse("12500.50", "USD"));
        assertThat(budgets.get("ci202507232016182664").balances().available().currencyCode())
                .isEqualTo("EUR");
        assertThat(budgets.get("ci202507232016182665").balances().available().currencyCode())
                .isEqualTo("GBP");
        BalanceObservation marketing = budgets.get("ci202507232016182661");
        assertThat(marketing.account().name()).isEqualTo("Marketing Department Budget");
        assertThat(marketing.account().kind()).isEqualTo(AccountKind.BUDGET);
        assertThat(marketing.account().provider()).isEqualTo(ProviderType.AHRVO);
        assertThat(marketing.account().id().value()).isEqualTo("ahrvo-main.budget.ci202507232016182661");
        assertThat(fetched.fullyListedKinds()).containsExactly(AccountKind.BUDGET);
        assertThat(fetched.rawResponses()).hasSize(1);
        assertThat(fetched.rawResponses().get(0).body()).contains("\"45250.75\"");
    }

    @Test
    void reads_the_documented_card_limits_sample_in_usd() {
        FetchResult.Fetched fetched = fetched(provider(List.of(CARD)).fetch());

        assertThat(fetched.cardLimits()).hasSize(1);
        CardLimitObservation card = fetched.cardLimits().get(0);
        assertThat(card.card().kind()).isEqualTo(AccountKind.CARD_SPENDING_LIMIT);
        assertThat(card.card().externalId()).isEqualTo(CARD);
        assertThat(card.card().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(card.remaining())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        LimitPeriod.DAILY, Money.parse("1500.00", "USD"),
                        LimitPeriod.WEEKLY, Money.parse("5000.00", "USD"),
                        LimitPeriod.MONTHLY, Money.parse("18000.00", "USD"),
                        LimitPeriod.LIFETIME, Money.parse("95000.00", "USD")));
    }

    @Test
    void sends_exactly_the_documented_paths_query_and_headers() {
        provider(List.of(CARD)).fetch();

        RecordedRequest budgets = sim.requests().of(Endpoint.AHRVO_BUDGETS).get(0);
        assertThat(budgets.method()).isEqualTo("GET");
        assertThat(budgets.path()).isEqualTo("/card/issuance/api/issuing/budget/v2/balance/all");
        assertThat(budgets.rawQuery()).isNull();
        Map<String, String> expected = Map.of(
                "accept",
                "application/json",
                "authorization",
                "Bearer " + sim.credentials().ahrvoAccessToken(),
                "x-api-key",
                sim.credentials().ahrvoApiKey());
        assertThat(Results.providerHeaders(budgets)).isEqualTo(expected);

        RecordedRequest limits = sim.requests().of(Endpoint.AHRVO_CARD_LIMITS).get(0);
        assertThat(limits.path())
                .isEqualTo("/card/issuance/api/issuing/spending-control/v2/share-card-remaining-limit");
        assertThat(limits.rawQuery()).isEqualTo("card_id=" + CARD);
        assertThat(Results.providerHeaders(limits)).isEqualTo(expected);
    }

    @Test
    void treats_404_on_budget_list_as_no_budgets() {
        sim.faults()
                .next(
                        Endpoint.AHRVO_BUDGETS,
                        Fault.status(404).body("{\"code\":\"NOT_FOUND\",\"message\":\"No budget accounts exist\"}"));

        FetchResult.Fetched fetched = fetched(provider(List.of(CARD)).fetch());

        assertThat(fetched.balances()).isEmpty();
        assertThat(fetched.accountFailures()).isEmpty();
        assertThat(fetched.fullyListedKinds()).containsExactly(AccountKind.BUDGET);
        assertThat(fetched.cardLimits()).hasSize(1);
        assertThat(sim.requests().count(Endpoint.AHRVO_BUDGETS)).isEqualTo(1);
    }

    @Test
    void one_card_404_leaves_the_other_cards_recorded() {
        FetchResult.Fetched fetched =
                fetched(provider(List.of(CARD, "card999", OTHER_CARD)).fetch());

        assertThat(fetched.cardLimits())
                .extracting(c -> c.card().externalId())
                .containsExactlyInAnyOrder(CARD, OTHER_CARD);
        assertThat(fetched.accountFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(failure.externalId()).isEqualTo("card999");
            assertThat(failure.endpoint()).isEqualTo(AhrvoBalanceProvider.LIMITS_ENDPOINT);
            assertThat(failure.reason()).contains("404").contains("Card does not exist");
        });
        assertThat(sim.requests().count(Endpoint.AHRVO_CARD_LIMITS)).isEqualTo(3);
    }

    @Test
    void a_400_for_one_card_is_that_cards_failure_and_is_not_retried() {
        sim.faults()
                .forCard(
                        OTHER_CARD,
                        Fault.status(400)
                                .body("{\"code\":\"INVALID_PARAMETER\",\"message\":\"Invalid card_id parameter\"}"));

        FetchResult.Fetched fetched =
                fetched(provider(List.of(CARD, OTHER_CARD)).fetch());

        assertThat(fetched.cardLimits()).hasSize(1);
        FetchFailure failure = fetched.accountFailures().get(0);
        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(failure.externalId()).isEqualTo(OTHER_CARD);
        assertThat(sim.requests().count(Endpoint.AHRVO_CARD_LIMITS)).isEqualTo(2);
        assertThat(runtime.sleeps()).isEmpty();
    }

    @Test
    void a_code_other_than_success_is_an_error_even_with_http_200() {
        sim.faults()
                .next(
                        Endpoint.AHRVO_BUDGETS,
                        Fault.status(200).body("{\"code\":\"SYSTEM_BUSY\",\"message\":\"try later\",\"data\":[]}"));

        FetchFailure failure = failed(provider(List.of()).fetch());

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(failure.endpoint()).isEqualTo(AhrvoBalanceProvider.BUDGETS_ENDPOINT);
        assertThat(failure.reason()).contains("code: expected SUCCESS, got 'SYSTEM_BUSY'");
    }

    @Test
    void a_malformed_budget_is_that_budgets_failure_and_the_other_budgets_of_the_listing_are_read() {
        sim.faults()
                .next(
                        Endpoint.AHRVO_BUDGETS,
                        Fault.status(200)
                                .body(
                                        "{\"code\":\"SUCCESS\",\"data\":["
                                                + "{\"budget_id\":\"b1\",\"budget_name\":\"One\",\"balance\":\"1.00\",\"currency\":\"USD\"},"
                                                + "{\"budget_id\":\"b2\",\"budget_name\":\"Two\",\"balance\":12.5,\"currency\":\"USD\"},"
                                                + "{\"budget_id\":\"b3\",\"budget_name\":\"Three\",\"balance\":\"12.345\",\"currency\":\"USD\"},"
                                                + "{\"budget_id\":\"b4\",\"budget_name\":\"Four\",\"balance\":\"4.00\",\"currency\":\"EUR\"}]}"));

        FetchResult.Fetched fetched = fetched(provider(List.of()).fetch());

        assertThat(fetched.balances()).extracting(b -> b.account().externalId()).containsExactly("b1", "b4");
        assertThat(fetched.accountFailures())
                .extracting(FetchFailure::externalId, FetchFailure::kind, FetchFailure::reason)
                .containsExactly(
                        tuple(
                                "b2",
                                FailureKind.MALFORMED_RESPONSE,
                                "data[1].balance: expected a decimal string, got number"),
                        tuple(
                                "b3",
                                FailureKind.MALFORMED_RESPONSE,
                                "data[2].balance: amount 12.345 has more decimals than USD allows (2)"));
        assertThat(fetched.fullyListedKinds())
                .as("the failed budgets are not gone")
                .isEmpty();
    }

    @Test
    void rejects_missing_fields_unknown_currencies_and_non_numeric_amounts() {
        String[][] cases = {
            {
                "{\"code\":\"SUCCESS\",\"data\":[{\"budget_name\":\"x\",\"balance\":\"1\",\"currency\":\"USD\"}]}",
                "data[0].budget_id: expected a string, got nothing (field missing)"
            },
            {
                "{\"code\":\"SUCCESS\",\"data\":[{\"budget_id\":\"b\",\"budget_name\":\"x\",\"balance\":\"1\",\"currency\":\"XYZ\"}]}",
                "data[0].currency: currency code 'XYZ' is not an ISO 4217 currency"
            },
            {
                "{\"code\":\"SUCCESS\",\"data\":[{\"budget_id\":\"b\",\"budget_name\":\"x\",\"balance\":\"1e5\",\"currency\":\"USD\"}]}",
                "data[0].balance: amount '1e5' is not a plain decimal number"
            },
            {
                "{\"code\":\"SUCCESS\",\"data\":[{\"budget_id\":\"b\",\"budget_name\":\"x\",\"balance\":\"1.005\",\"currency\":\"USD\"}]}",
                "data[0].balance: amount 1.005 has more decimals than USD allows (2)"
            },
            {"{\"code\":\"SUCCESS\",\"data\":{}}", "data: expected an array, got object"},
            {"not json", "body: not valid JSON"},
        };
        for (String[] c : cases) {
            sim.faults().next(Endpoint.AHRVO_BUDGETS, Fault.status(200).body(c[0]));
            FetchFailure failure = failed(provider(List.of()).fetch());
            assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
            assertThat(failure.reason()).contains(c[1]);
        }
    }

    @Test
    void a_negative_card_limit_is_malformed_for_that_card_only() {
        sim.faults()
                .forCard(
                        OTHER_CARD,
                        Fault.status(200)
                                .body(
                                        "{\"code\":\"SUCCESS\",\"data\":{"
                                                + "\"daily_limit\":\"-1.00\",\"weekly_limit\":\"5.00\",\"monthly_limit\":\"5.00\",\"lifetime_limit\":\"5.00\"}}"));

        FetchResult.Fetched fetched =
                fetched(provider(List.of(CARD, OTHER_CARD)).fetch());

        assertThat(fetched.cardLimits()).hasSize(1);
        FetchFailure failure = fetched.accountFailures().get(0);
        assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
        assertThat(failure.externalId()).isEqualTo(OTHER_CARD);
        assertThat(failure.reason()).isEqualTo("data.daily_limit: must not be negative, got -1.00");
    }

    @Test
    void a_rejected_token_fails_the_source_as_unauthorized_without_retrying() {
        Map<String, Object> raw = SimulatorSources.ahrvo(sim, List.of(CARD));
        raw.put("access-token", "wrong-token-value");

        FetchResult result = provider(raw).fetch();

        FetchFailure failure = failed(result);
        assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(failure.reason()).contains("HTTP 401");
        assertThat(sim.requests().count(Endpoint.AHRVO_BUDGETS)).isEqualTo(1);
        assertThat(sim.requests().count(Endpoint.AHRVO_CARD_LIMITS)).isZero();
        assertThat(runtime.sleeps()).isEmpty();
        Results.assertNoSecretIn(Results.texts(result), List.of("wrong-token-value"));
    }

    @Test
    void forbidden_is_distinct_from_unauthorized_and_stops_the_card_calls() {
        String forbidden =
                "{\"code\":\"FORBIDDEN\",\"message\":\"Card issuance feature not enabled for this account\"}";
        sim.faults().next(Endpoint.AHRVO_BUDGETS, Fault.status(403).body(forbidden));
        sim.faults().forCard(CARD, Fault.status(403).body(forbidden));
        sim.faults().forCard(OTHER_CARD, Fault.status(403).body(forbidden));
        Map<String, Object> raw = SimulatorSources.ahrvo(sim, List.of(CARD, OTHER_CARD));
        raw.put("max-concurrency", "1");

        FetchFailure failure = failed(provider(raw).fetch());

        assertThat(failure.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(failure.reason()).contains("Card issuance feature not enabled");
        assertThat(sim.requests().count(Endpoint.AHRVO_BUDGETS)).isEqualTo(1);
        assertThat(sim.requests().count(Endpoint.AHRVO_CARD_LIMITS)).isEqualTo(1);
        assertThat(runtime.sleeps()).isEmpty();
    }

    @Test
    void retries_a_500_with_exponential_backoff_then_reads_the_budgets() {
        sim.faults().next(Endpoint.AHRVO_BUDGETS, 2, Fault.status(500).body("{\"code\":\"ERROR\"}"));

        FetchResult.Fetched fetched = fetched(provider(List.of()).fetch());

        assertThat(fetched.balances()).hasSize(5);
        assertThat(sim.requests().count(Endpoint.AHRVO_BUDGETS)).isEqualTo(3);
        assertThat(runtime.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(fetched.rawResponses()).extracting(r -> r.status()).containsExactly(500, 500, 200);
    }

    @Test
    void honours_retry_after_seconds_on_429() {
        sim.faults()
                .next(
                        Endpoint.AHRVO_CARD_LIMITS,
                        Fault.status(429)
                                .body("{\"code\":\"TOO_MANY_REQUESTS\"}")
                                .retryAfter("3"));
        Map<String, Object> raw = SimulatorSources.ahrvo(sim, List.of(CARD));
        raw.put("fetch-budgets", "false");

        FetchResult.Fetched fetched = fetched(provider(raw).fetch());

        assertThat(fetched.cardLimits()).hasSize(1);
        assertThat(runtime.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(sim.requests().count(Endpoint.AHRVO_BUDGETS)).isZero();
    }

    @Test
    void keeps_the_card_calls_within_the_configured_concurrency() {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = "cardconc" + i;
            sim.addAhrvoCard(id, "100.00", "400.00", "1500.00", "10000.00");
            cards.add(id);
        }
        sim.faults().delayEveryCall(Endpoint.AHRVO_CARD_LIMITS, Duration.ofMillis(40));
        Map<String, Object> raw = SimulatorSources.ahrvo(sim, cards);
        raw.put("max-concurrency", "4");
        raw.put("fetch-budgets", "false");

        FetchResult.Fetched fetched = fetched(provider(raw).fetch());

        assertThat(fetched.cardLimits()).hasSize(24);
        assertThat(fetched.cardLimits().get(0).remaining().get(LimitPeriod.DAILY))
                .isEqualTo(Money.parse("100", "USD"));
        assertThat(sim.requests().maxInFlight(Endpoint.AHRVO_CARD_LIMITS)).isBetween(2, 4);
    }

    @Test
    void budget_failure_with_readable_cards_still_records_the_cards_but_not_a_complete_budget_list() {
        sim.faults().next(Endpoint.AHRVO_BUDGETS, Fault.status(200).body("{\"code\":\"SUCCESS\"}"));

        FetchResult.Fetched fetched = fetched(provider(List.of(CARD)).fetch());

        assertThat(fetched.cardLimits()).hasSize(1);
        assertThat(fetched.balances()).isEmpty();
        assertThat(fetched.fullyListedKinds()).isEmpty();
        assertThat(fetched.accountFailures())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.reason()).isEqualTo("data: expected an array, got nothing (field missing)"));
    }
}
