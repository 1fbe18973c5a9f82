package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.testing.Results;
import com.balancehistory.adapters.http.out.testing.SimulatorSources;
import com.balancehistory.adapters.http.out.testing.TestRuntime;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.simulator.Endpoint;
import com.balancehistory.simulator.Fault;
import com.balancehistory.simulator.ProviderSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials that happen to occur in the provider's data never rewrite the data; they are masked only in audit. */
class CredentialsInDataIT {

    static final String BUDGETS = "{\"code\":\"SUCCESS\",\"data\":["
            + "{\"budget_id\":\"ci20250723201618\",\"budget_name\":\"Marketing Department Budget\","
            + "\"balance\":\"2016.50\",\"currency\":\"USD\"}]}";

    @Test
    void a_token_and_an_api_key_that_occur_in_ids_names_and_amounts_leave_the_recorded_data_as_sent() {
        FetchResult.Fetched fetched = fetchWith("Budget", "2016");

        BalanceObservation budget = fetched.balances().get(0);
        assertThat(budget.account().externalId()).isEqualTo("ci20250723201618");
        assertThat(budget.account().name()).isEqualTo("Marketing Department Budget");
        assertThat(budget.balances().available().amount()).isEqualByComparingTo("2016.50");
        assertThat(fetched.accountFailures()).isEmpty();
        assertThat(fetched.rawResponses())
                .singleElement()
                .satisfies(raw -> assertThat(raw.body())
                        .doesNotContain("Budget")
                        .doesNotContain("2016")
                        .contains("Marketing Department ***"));
    }

    @Test
    void a_one_letter_token_does_not_break_parsing() {
        FetchResult.Fetched fetched = fetchWith("t", "k");

        assertThat(fetched.balances())
                .singleElement()
                .satisfies(budget -> assertThat(budget.account().name()).isEqualTo("Marketing Department Budget"));
        assertThat(fetched.accountFailures()).isEmpty();
        assertThat(fetched.rawResponses())
                .singleElement()
                .satisfies(raw -> assertThat(raw.body()).doesNotContain("t").doesNotContain("k"));
    }

    private static FetchResult.Fetched fetchWith(String accessToken, String apiKey) {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            sim.faults().next(Endpoint.AHRVO_BUDGETS, Fault.status(200).body(BUDGETS));
            Map<String, Object> raw = SimulatorSources.ahrvo(sim, List.of());
            raw.put("access-token", accessToken);
            raw.put("api-key", apiKey);
            BalanceProvider provider = BalanceProviderFactory.create(
                    SimulatorSources.settings("data-check", raw), new TestRuntime().runtime());
            return Results.fetched(provider.fetch());
        }
    }
}
