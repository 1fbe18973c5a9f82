package com.balancehistory.adapters.http.out.grantex;

import static com.balancehistory.adapters.http.out.testing.Results.failed;
import static com.balancehistory.adapters.http.out.testing.Results.fetched;
import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.testing.Results;
import com.balancehistory.adapters.http.out.testing.SimulatorBackedContract;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrantexBalanceProviderIT extends SimulatorBackedContract {

    private static final String GRANT = "grnt_01HXYZ";

    @BeforeEach
    void reset() {
        sim.setGrantexAmountsAsStrings(true);
    }

    private BalanceProvider provider(List<String> grants) {
        return BalanceProviderFactory.create(
                SimulatorSources.settings("grantex-main", SimulatorSources.grantex(sim, grants)), runtime.runtime());
    }

    private void assertDocumentedSample(BalanceObservation grant) {
        assertThat(grant.balances().available()).isEqualTo(Money.parse("94.50", "USD"));
        assertThat(grant.balances().initial()).contains(Money.parse("100.00", "USD"));
        assertThat(grant.providerAsOf()).contains(Instant.parse("2026-04-05T14:30:00.000Z"));
        assertThat(grant.account().kind()).isEqualTo(AccountKind.GRANT_BUDGET);
        assertThat(grant.account().externalId()).isEqualTo(GRANT);
        assertThat(grant.account().id().value()).isEqualTo("grantex-main.grant." + GRANT);
        assertThat(grant.account().attributes())
                .containsEntry("grantId", GRANT)
                .containsEntry("allocationId", "ba_01HXYZ");
    }

    @Test
    void reads_numeric_18_4_strings_as_the_live_server_sends_them() {
        FetchResult.Fetched fetched = fetched(provider(List.of(GRANT)).fetch());

        assertThat(fetched.rawResponses().get(0).body())
                .contains("\"initialBudget\":\"100.0000\"")
                .contains("\"remainingBudget\":\"94.5000\"");
        assertDocumentedSample(fetched.balances().get(0));
        assertThat(fetched.fullyListedKinds()).isEmpty();
    }

    @Test
    void reads_numbers_as_the_documentation_shows_them() {
        sim.setGrantexAmountsAsStrings(false);

        FetchResult.Fetched fetched = fetched(provider(List.of(GRANT)).fetch());

        assertThat(fetched.rawResponses().get(0).body())
                .contains("\"initialBudget\":100.00")
                .contains("\"remainingBudget\":94.50");
        assertDocumentedSample(fetched.balances().get(0));
    }

    @Test
    void sends_exactly_the_documented_path_and_bearer_header() {
        provider(List.of(GRANT)).fetch();

        RecordedRequest request = sim.requests().of(Endpoint.GRANTEX_BALANCE).get(0);
        assertThat(request.path()).isEqualTo("/v1/budget/balance/grnt_01HXYZ");
        assertThat(request.rawQuery()).isNull();
        assertThat(Results.providerHeaders(request))
                .isEqualTo(Map.of("authorization", "Bearer " + sim.credentials().grantexApiKey()));
    }

    @Test
    void a_grant_without_allocation_is_that_grants_failure_and_the_others_are_recorded() {
        FetchResult.Fetched fetched =
                fetched(provider(List.of(GRANT, "grnt_missing", "grnt_01HXZC")).fetch());

        assertThat(fetched.balances())
                .extracting(b -> b.account().externalId())
                .containsExactlyInAnyOrder(GRANT, "grnt_01HXZC");
        assertThat(fetched.balances())
                .filteredOn(b -> b.account().externalId().equals("grnt_01HXZC"))
                .singleElement()
                .satisfies(b -> assertThat(b.balances().available()).isEqualTo(Money.parse("420.00", "EUR")));
        FetchFailure failure = fetched.accountFailures().get(0);
        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(failure.externalId()).isEqualTo("grnt_missing");
        assertThat(failure.endpoint()).isEqualTo("GET /v1/budget/balance/{grantId}");
        assertThat(failure.reason())
                .startsWith("HTTP 404: NOT_FOUND: No budget allocation found for this grant (requestId req_");
    }

    @Test
    void a_rejected_key_fails_the_source_with_the_documented_error_fields() {
        Map<String, Object> raw = SimulatorSources.grantex(sim, List.of(GRANT));
        raw.put("api-key", "gx_wrong_key_123");

        FetchResult result = BalanceProviderFactory.create(
                        SimulatorSources.settings("grantex-main", raw), runtime.runtime())
                .fetch();

        FetchFailure failure = failed(result);
        assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(failure.reason()).startsWith("HTTP 401: UNAUTHORIZED: Invalid or missing API key (requestId req_");
        assertThat(runtime.sleeps()).isEmpty();
        Results.assertNoSecretIn(Results.texts(result), List.of("gx_wrong_key_123"));
    }

    @Test
    void honours_retry_after_as_an_http_date() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                TestRuntime.START.plusSeconds(7).atOffset(ZoneOffset.UTC));
        sim.faults()
                .next(
                        Endpoint.GRANTEX_BALANCE,
                        Fault.status(429)
                                .body(
                                        "{\"message\":\"Too many requests\",\"code\":\"RATE_LIMITED\",\"requestId\":\"req_1\"}")
                                .retryAfter(date));

        FetchResult.Fetched fetched = fetched(provider(List.of(GRANT)).fetch());

        assertThat(fetched.balances()).hasSize(1);
        assertThat(runtime.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void gives_up_as_rate_limited_when_retry_after_is_longer_than_we_wait() {
        sim.faults()
                .next(
                        Endpoint.GRANTEX_BALANCE,
                        Fault.status(429)
                                .body(
                                        "{\"message\":\"Too many requests\",\"code\":\"RATE_LIMITED\",\"requestId\":\"req_1\"}")
                                .retryAfter("3600"));

        FetchFailure failure = failed(provider(List.of(GRANT)).fetch());

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.reason()).contains("Retry-After 3600 s is longer than the 60 s we wait");
        assertThat(runtime.sleeps()).isEmpty();
    }

    @Test
    void rejects_amounts_that_are_neither_numbers_nor_decimal_strings() {
        sim.faults()
                .forGrant(
                        GRANT,
                        Fault.status(200)
                                .body(
                                        "{\"id\":\"ba_1\",\"grantId\":\"grnt_01HXYZ\","
                                                + "\"initialBudget\":\"100.0000\",\"remainingBudget\":\"N/A\",\"currency\":\"USD\","
                                                + "\"createdAt\":\"2026-04-05T12:00:00.000Z\",\"updatedAt\":\"2026-04-05T14:30:00.000Z\"}"));

        FetchResult.Fetched fetched =
                fetched(provider(List.of(GRANT, "grnt_01HXZC")).fetch());

        // one grant's malformed body is that grant's failure; the other grant is still recorded
        assertThat(fetched.balances()).extracting(b -> b.account().externalId()).containsExactly("grnt_01HXZC");
        FetchFailure failure = fetched.accountFailures().get(0);
        assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
        assertThat(failure.externalId()).isEqualTo(GRANT);
        assertThat(failure.reason()).isEqualTo("remainingBudget: amount 'N/A' is not a plain decimal number");
    }

    @Test
    void a_poll_in_which_every_grant_failed_read_nothing_and_is_a_failed_fetch() {
        sim.faults().forGrant(GRANT, Fault.status(200).body("<html><body>maintenance</body></html>"));
        sim.faults().forGrant("grnt_missing", Fault.status(404).body("{\"message\":\"no budget allocation\"}"));

        FetchFailure failure =
                Results.failed(provider(List.of(GRANT, "grnt_missing")).fetch());

        assertThat(failure.externalId()).isNull();
        assertThat(failure.reason())
                .startsWith("nothing read: every account failed: ")
                .contains("(" + GRANT + "): MALFORMED_RESPONSE: body: not valid JSON")
                .contains("(grnt_missing): NOT_FOUND");
    }
}
