package com.balancehistory.adapters.http.out.holyheld;

import static com.balancehistory.adapters.http.out.testing.Results.failed;
import static com.balancehistory.adapters.http.out.testing.Results.fetched;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.balancehistory.domain.money.Money;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HolyheldBalanceProviderIT extends SimulatorBackedContract {

    private static final String MISSING = "{\"status\":\"error\",\"errorCode\":\"AI_AUTHORIZATION_INVALID\","
            + "\"error\":\"Authorization header missing\"}";

    @BeforeEach
    void reset() {
        sim.setHolyheldBalance("94.20");
    }

    private BalanceProvider provider() {
        return provider(SimulatorSources.holyheld(sim));
    }

    private BalanceProvider provider(Map<String, Object> raw) {
        return BalanceProviderFactory.create(SimulatorSources.settings("holyheld-bot1", raw), runtime.runtime());
    }

    private static String body(String balance) {
        return "{\"status\":\"ok\",\"payload\":{\"balance\":" + balance + "}}";
    }

    @Test
    void reads_the_documented_balances_exactly_in_eur() {
        for (String balance : List.of("94.20", "50", "50.5", "42.02", "0")) {
            sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(200).body(body("\"" + balance + "\"")));

            BalanceObservation card = fetched(provider().fetch()).balances().get(0);

            assertThat(card.balances().available()).isEqualTo(Money.parse(balance, "EUR"));
        }
    }

    @Test
    void records_the_agent_card_under_its_configured_or_default_id() {
        BalanceObservation byDefault = fetched(provider().fetch()).balances().get(0);
        Map<String, Object> raw = SimulatorSources.holyheld(sim);
        raw.put("card-id", "bot1-card");
        BalanceObservation configured =
                fetched(provider(raw).fetch()).balances().get(0);

        assertThat(byDefault.account().externalId()).isEqualTo("agent-card");
        assertThat(byDefault.account().id().value()).isEqualTo("holyheld-bot1.card.agent-card");
        assertThat(byDefault.account().kind()).isEqualTo(AccountKind.CARD_BALANCE);
        assertThat(byDefault.account().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(byDefault.balances().available()).isEqualTo(Money.parse("94.20", "EUR"));
        assertThat(configured.account().externalId()).isEqualTo("bot1-card");
    }

    @Test
    void sends_exactly_the_documented_path_and_bearer_header() {
        provider().fetch();

        RecordedRequest request = sim.requests().of(Endpoint.HOLYHELD_BALANCE).get(0);
        assertThat(request.path()).isEqualTo("/v4/ai-agents/balance");
        assertThat(request.rawQuery()).isNull();
        assertThat(Results.providerHeaders(request))
                .isEqualTo(Map.of("authorization", "Bearer " + sim.credentials().holyheldToken()));
    }

    @Test
    void does_not_retry_401_or_403() {
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(401).body(MISSING));
        FetchFailure missing = failed(provider().fetch());
        Map<String, Object> raw = SimulatorSources.holyheld(sim);
        raw.put("token", "hh-wrong-token");
        FetchFailure invalid = failed(provider(raw).fetch());

        assertThat(missing.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(missing.reason()).isEqualTo("HTTP 401: AI_AUTHORIZATION_INVALID: Authorization header missing");
        assertThat(invalid.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(invalid.reason())
                .isEqualTo("HTTP 403: AI_AUTHORIZATION_INVALID: Token invalid or agent access disabled");
        assertThat(sim.requests().count(Endpoint.HOLYHELD_BALANCE)).isEqualTo(2);
        assertThat(runtime.sleeps()).isEmpty();
    }

    @Test
    void retries_500_with_backoff_and_reports_unavailable_when_retries_run_out() {
        String serverError = "{\"status\":\"error\",\"errorCode\":\"INTERNAL_SERVER_ERROR\",\"error\":\"boom\"}";
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, 1, Fault.status(500).body(serverError));
        FetchResult.Fetched recovered = fetched(provider().fetch());
        assertThat(recovered.rawResponses()).extracting(r -> r.status()).containsExactly(500, 200);

        sim.faults().next(Endpoint.HOLYHELD_BALANCE, 4, Fault.status(500).body(serverError));
        FetchFailure failure = failed(provider().fetch());

        assertThat(failure.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(failure.reason()).isEqualTo("HTTP 500 (after 4 attempts): INTERNAL_SERVER_ERROR: boom");
        assertThat(runtime.sleeps())
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void rejects_balances_that_break_the_documented_format() {
        String[][] cases = {
            {body("94.2"), "payload.balance: expected a decimal string, got number"},
            {body("\"94.205\""), "payload.balance: expected a decimal string with up to 2 decimals, got '94.205'"},
            {body("\"94,20\""), "payload.balance: amount '94,20' is not a plain decimal number"},
            {"{\"status\":\"ok\"}", "payload: expected an object, got nothing (field missing)"},
            {
                "{\"status\":\"ok\",\"payload\":{}}",
                "payload.balance: expected a decimal string, got nothing (field missing)"
            },
        };
        for (String[] c : cases) {
            sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(200).body(c[0]));
            FetchFailure failure = failed(provider().fetch());
            assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
            assertThat(failure.endpoint()).isEqualTo("GET /v4/ai-agents/balance");
            assertThat(failure.reason()).isEqualTo(c[1]);
        }
    }

    @Test
    void an_error_status_in_a_200_body_is_an_error() {
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(200).body(MISSING));

        FetchFailure failure = failed(provider().fetch());

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(failure.reason()).startsWith("status: expected ok, got 'error'");
    }

    @Test
    void times_out_a_slow_answer_and_refuses_an_oversized_one() {
        Map<String, Object> raw = SimulatorSources.holyheld(sim);
        raw.put("read-timeout", "200ms");
        raw.put("max-retries", "0");
        raw.put("max-response-bytes", "1KiB");
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.delay(Duration.ofMillis(1500)));
        FetchFailure slow = failed(provider(raw).fetch());
        sim.faults().next(Endpoint.HOLYHELD_BALANCE, Fault.status(200).body(body("\"1.00\"") + " ".repeat(2048)));
        FetchFailure large = failed(provider(raw).fetch());

        assertThat(slow.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(slow.reason()).contains("timed out");
        assertThat(large.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
        assertThat(large.reason()).isEqualTo("response is larger than the 1024 bytes we accept");
    }
}
