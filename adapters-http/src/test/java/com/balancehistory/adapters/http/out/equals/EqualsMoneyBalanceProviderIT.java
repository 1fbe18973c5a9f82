package com.balancehistory.adapters.http.out.equals;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EqualsMoneyBalanceProviderIT extends SimulatorBackedContract {

    private static final String ROOT = "775596ae-2624-40af-a9dc-9756110a4a03";

    /** 7 budgets holding 12 budget-currency balances (root 3, then 1, 2, 2, 1, 2, 2... see the simulator). */
    private static int balanceCount;

    private BalanceProvider provider(Map<String, Object> raw) {
        return BalanceProviderFactory.create(SimulatorSources.settings("equals-main", raw), runtime.runtime());
    }

    private BalanceProvider provider(int pageSize) {
        Map<String, Object> raw = SimulatorSources.equals(sim);
        raw.put("page-size", pageSize);
        return provider(raw);
    }

    private static Map<String, BalanceObservation> byExternalId(FetchResult.Fetched fetched) {
        return fetched.balances().stream()
                .collect(Collectors.toMap(b -> b.account().externalId(), b -> b));
    }

    private List<String> offsetsRequested() {
        return sim.requests().of(Endpoint.EQUALS_BUDGETS).stream()
                .map(r -> r.queryParam("offset"))
                .toList();
    }

    @Test
    void reads_the_documented_sample_budget_to_the_exact_balances() {
        FetchResult.Fetched fetched = fetched(provider(100).fetch());

        BalanceObservation usd = byExternalId(fetched).get(ROOT + "-USD");
        assertThat(usd.balances().available()).isEqualTo(Money.parse("10", "USD"));
        assertThat(usd.balances().ledger()).contains(Money.parse("50", "USD"));
        assertThat(usd.balances().pending()).contains(Money.parse("40", "USD"));
        assertThat(usd.balances().allocated()).contains(Money.parse("10", "USD"));
        assertThat(usd.balances().initial()).isEmpty();
        assertThat(usd.account().kind()).isEqualTo(AccountKind.BUDGET);
        assertThat(usd.account().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(usd.account().name()).isEqualTo("Team Party (USD)");
        assertThat(usd.account().id().value()).isEqualTo("equals-main.budget." + ROOT + "-USD");
        // the sample names itself as parent: a root
        assertThat(usd.account().parentExternalId()).isEmpty();
        assertThat(usd.account().attributes())
                .containsEntry("type", "accountBalance")
                .containsEntry("status", "active")
                .containsEntry("budgetId", ROOT)
                .containsEntry("level", "1");
        assertThat(usd.providerAsOf()).isPresent();
        assertThat(fetched.fullyListedKinds()).containsExactly(AccountKind.BUDGET);
    }

    @Test
    void keeps_one_series_per_budget_and_currency_with_the_hierarchy() {
        FetchResult.Fetched fetched = fetched(provider(100).fetch());

        Map<String, BalanceObservation> balances = byExternalId(fetched);
        assertThat(balances).containsKeys(ROOT + "-USD", ROOT + "-EUR", ROOT + "-GBP");
        assertThat(balances.get(ROOT + "-EUR").balances().available().currencyCode())
                .isEqualTo("EUR");
        List<BalanceObservation> children = fetched.balances().stream()
                .filter(b -> b.account().parentExternalId().equals(Optional.of(ROOT)))
                .toList();
        assertThat(children).isNotEmpty().allSatisfy(child -> {
            assertThat(child.account().attributes()).containsEntry("level", "2").containsEntry("parentBudgetId", ROOT);
            assertThat(child.account().externalId())
                    .isEqualTo(child.account().attributes().get("budgetId") + "-"
                            + child.account().currency().getCurrencyCode());
        });
        assertThat(fetched.balances().stream()
                        .anyMatch(b -> "3".equals(b.account().attributes().get("level"))))
                .isTrue();
        assertThat(fetched.balances().stream()
                        .map(b -> b.account().attributes().get("budgetId"))
                        .distinct())
                .hasSize(7);
    }

    @Test
    void sends_exactly_the_documented_path_query_and_api_key_header() {
        provider(100).fetch();

        RecordedRequest request = sim.requests().of(Endpoint.EQUALS_BUDGETS).get(0);
        assertThat(request.path()).isEqualTo("/v2/budgets");
        assertThat(request.rawQuery()).isEqualTo("accountId=F50091&limit=100&offset=0&include=balance");
        assertThat(Results.providerHeaders(request))
                .isEqualTo(Map.of("authorization", "ApiKey " + sim.credentials().equalsApiKey()));
    }

    @Test
    void sends_the_key_as_bearer_or_bare_when_configured() {
        Map<String, Object> bearer = SimulatorSources.equals(sim);
        bearer.put("auth-scheme", "Bearer");
        fetched(provider(bearer).fetch());
        Map<String, Object> bare = SimulatorSources.equals(sim);
        bare.put("auth-scheme", "none");
        fetched(provider(bare).fetch());

        List<RecordedRequest> requests = sim.requests().of(Endpoint.EQUALS_BUDGETS);
        assertThat(requests.get(0).header("Authorization"))
                .isEqualTo("Bearer " + sim.credentials().equalsApiKey());
        assertThat(requests.get(1).header("Authorization"))
                .isEqualTo(sim.credentials().equalsApiKey());
    }

    @Test
    void pages_through_three_pages_when_count_is_not_a_multiple_of_the_limit() {
        FetchResult.Fetched all = fetched(provider(100).fetch());
        balanceCount = all.balances().size();
        sim.requests().clear();

        FetchResult.Fetched paged = fetched(provider(3).fetch());

        assertThat(offsetsRequested()).containsExactly("0", "3", "6");
        assertThat(sim.requests().of(Endpoint.EQUALS_BUDGETS).get(1).rawQuery())
                .isEqualTo("accountId=F50091&limit=3&offset=3&include=balance");
        assertThat(paged.balances()).hasSize(balanceCount);
        assertThat(paged.fullyListedKinds()).containsExactly(AccountKind.BUDGET);
        assertThat(paged.rawResponses()).hasSize(3);
    }

    @Test
    void short_pages_move_the_offset_by_the_rows_received() {
        sim.faults().equalsMaxRowsPerPage(2);

        FetchResult.Fetched fetched = fetched(provider(3).fetch());

        assertThat(offsetsRequested()).containsExactly("0", "2", "4", "6");
        assertThat(fetched.balances().stream()
                        .map(b -> b.account().attributes().get("budgetId"))
                        .distinct())
                .hasSize(7);
        assertThat(fetched.fullyListedKinds()).containsExactly(AccountKind.BUDGET);
        assertThat(fetched.accountFailures()).isEmpty();
    }

    @Test
    void an_empty_page_before_count_is_reached_stops_and_marks_the_listing_incomplete() {
        sim.faults().equalsCountInflation(5);

        FetchResult.Fetched fetched = fetched(provider(3).fetch());

        assertThat(offsetsRequested()).containsExactly("0", "3", "6", "7");
        assertThat(fetched.balances().stream()
                        .map(b -> b.account().attributes().get("budgetId"))
                        .distinct())
                .hasSize(7);
        assertThat(fetched.fullyListedKinds()).isEmpty();
        assertThat(fetched.accountFailures()).singleElement().satisfies(note -> {
            assertThat(note.externalId()).isNull();
            assertThat(note.reason()).isEqualTo("listing incomplete: page at offset 7 was empty although count is 12");
        });
    }

    @Test
    void an_empty_page_in_the_middle_stops_the_listing() {
        sim.faults().equalsEmptyPageAtOffset(3);

        FetchResult.Fetched fetched = fetched(provider(3).fetch());

        assertThat(offsetsRequested()).containsExactly("0", "3");
        assertThat(fetched.fullyListedKinds()).isEmpty();
        assertThat(fetched.balances().stream()
                        .map(b -> b.account().attributes().get("budgetId"))
                        .distinct())
                .hasSize(3);
    }

    @Test
    void a_failing_later_page_keeps_what_was_read_as_an_incomplete_listing() {
        sim.faults().next(Endpoint.EQUALS_BUDGETS, Fault.delay(java.time.Duration.ZERO));
        sim.faults().next(Endpoint.EQUALS_BUDGETS, 4, Fault.status(503).body("{\"message\":\"maintenance\"}"));

        FetchResult.Fetched fetched = fetched(provider(3).fetch());

        assertThat(fetched.fullyListedKinds()).isEmpty();
        assertThat(fetched.balances()).isNotEmpty();
        FetchFailure note = fetched.accountFailures().get(0);
        assertThat(note.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(note.reason())
                .startsWith("listing incomplete: page at offset 3 failed: HTTP 503 (after 4 attempts)");
    }

    @Test
    void a_wrong_key_is_forbidden_and_a_missing_one_unauthorized_neither_retried() {
        Map<String, Object> raw = SimulatorSources.equals(sim);
        raw.put("api-key", "not-the-key");
        FetchFailure forbidden = failed(provider(raw).fetch());
        sim.faults().next(Endpoint.EQUALS_BUDGETS, Fault.status(401).body("{\"message\":\"Unauthorized\"}"));
        FetchFailure unauthorized = failed(provider(100).fetch());

        assertThat(forbidden.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(forbidden.reason()).contains("not whitelisted");
        assertThat(unauthorized.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(sim.requests().count(Endpoint.EQUALS_BUDGETS)).isEqualTo(2);
        assertThat(runtime.sleeps()).isEmpty();
    }

    @Test
    void reads_amounts_exactly_whether_numbers_or_numeric_strings() {
        sim.faults()
                .next(
                        Endpoint.EQUALS_BUDGETS,
                        Fault.status(200)
                                .body("{\"limit\":100,\"offset\":0,\"count\":1,"
                                        + "\"rows\":[{\"id\":\"b1\",\"name\":\"Big\",\"parentId\":null,\"balance\":[{\"currencyCode\":\"USD\","
                                        + "\"availableBalance\":1234567890123.45,\"ledgerBalance\":\"0.10\",\"pendingBalance\":0.20,"
                                        + "\"allocatedBalance\":0}]}]}"));

        FetchResult.Fetched fetched = fetched(provider(100).fetch());

        BalanceObservation big = fetched.balances().get(0);
        assertThat(big.balances().available().amount()).isEqualByComparingTo(new BigDecimal("1234567890123.45"));
        assertThat(big.balances().ledger().orElseThrow().amount()).isEqualByComparingTo("0.10");
        assertThat(big.balances().pending().orElseThrow().amount()).isEqualByComparingTo("0.20");
        assertThat(big.account().parentExternalId()).isEmpty();
        assertThat(big.providerAsOf()).isEmpty();
    }

    @Test
    void a_listing_whose_only_row_is_malformed_read_nothing_and_fails_naming_the_field() {
        String[][] cases = {
            {
                "\"availableBalance\":\"ten\"",
                "rows[0].balance[0].availableBalance: amount 'ten' is not a plain decimal number"
            },
            {
                "\"availableBalance\":true",
                "rows[0].balance[0].availableBalance: expected a number or a decimal string, got boolean"
            },
            {
                "\"availableBalance\":1.005",
                "rows[0].balance[0].availableBalance: amount 1.005 has more decimals than USD allows (2)"
            },
        };
        for (String[] c : cases) {
            sim.faults()
                    .next(
                            Endpoint.EQUALS_BUDGETS,
                            Fault.status(200)
                                    .body("{\"count\":1,\"rows\":[{\"id\":\"b1\","
                                            + "\"balance\":[{\"currencyCode\":\"USD\"," + c[0] + "}]}]}"));
            FetchFailure failure = failed(provider(100).fetch());
            assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
            assertThat(failure.reason())
                    .isEqualTo("nothing read: every account failed: GET /v2/budgets (b1): " + "MALFORMED_RESPONSE: "
                            + c[1]);
        }
        sim.faults().next(Endpoint.EQUALS_BUDGETS, Fault.status(200).body("{\"rows\":[]}"));
        assertThat(failed(provider(100).fetch()).reason())
                .isEqualTo("page at offset 0: count: expected a whole number, got nothing (field missing)");
    }

    @Test
    void a_malformed_row_is_that_budgets_failure_and_the_other_budgets_are_read() {
        sim.faults()
                .next(
                        Endpoint.EQUALS_BUDGETS,
                        Fault.status(200)
                                .body(
                                        "{\"count\":3,\"rows\":["
                                                + "{\"id\":\"b1\",\"balance\":[{\"currencyCode\":\"USD\",\"availableBalance\":10.00}]},"
                                                + "{\"id\":\"b2\",\"balance\":[{\"currencyCode\":\"USD\",\"availableBalance\":1e999999999}]},"
                                                + "{\"id\":\"b3\",\"balance\":[{\"currencyCode\":\"EUR\",\"availableBalance\":3.00}]}]}"));

        FetchResult.Fetched fetched = fetched(provider(100).fetch());

        assertThat(fetched.balances()).extracting(b -> b.account().externalId()).containsExactly("b1-USD", "b3-EUR");
        assertThat(fetched.accountFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.externalId()).isEqualTo("b2");
            assertThat(failure.reason())
                    .isEqualTo("rows[1].balance[0].availableBalance: amount 1E+999999999 has more "
                            + "than 20 digits before the decimal point");
        });
        assertThat(fetched.fullyListedKinds())
                .as("the failed budget is not gone")
                .isEmpty();
    }
}
