package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import com.balancehistory.simulator.CredentialEchoes;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    static final String TOKEN = "gx/live+Tok\"en=42 x";
    private final Redactor redactor = new Redactor(List.of(Secret.of(TOKEN)));

    @Test
    void a_secret_is_masked_in_every_encoding_a_provider_may_echo_it_in() {
        assertThat(redactor.redact("bad token " + TOKEN + ".")).isEqualTo("bad token ***.");
        assertThat(CredentialEchoes.forms(TOKEN)).hasSizeGreaterThan(10);
        for (String form : CredentialEchoes.forms(TOKEN)) {
            String body = "{\"message\":\"bad token " + form + " given\"}";
            assertThat(redactor.redact(body))
                    .as("form %s", form)
                    .isEqualTo("{\"message\":\"bad token " + Redactor.MASK + " given\"}");
        }
    }

    @Test
    void a_secret_cut_short_by_an_error_excerpt_is_masked_too() {
        String key = "fr63c3438d7bd84196be5a";
        Redactor keyed = new Redactor(List.of(Secret.of(key)));
        // the excerpt keeps 200 characters of the provider's message: the key straddles the cut
        String reason = ProviderFailures.describeErrorBody("{\"error\":\"" + "x".repeat(190) + key + "\"}");
        assertThat(reason).endsWith(key.substring(0, 10) + "...");

        assertThat(keyed.redact(reason)).isEqualTo("x".repeat(190) + Redactor.MASK + "...");
        assertThat(keyed.redact("bad key &#102;&#114;&#54;&#51;&#99;...")).isEqualTo("bad key ***...");
        assertThat(keyed.redact("a word cut short: fr6... and fr63c3 without a cut"))
                .as("three characters, or no cut")
                .isEqualTo("a word cut short: fr6... and fr63c3 without a cut");
    }

    @Test
    void basic_auth_credentials_are_masked_in_their_base64_form() {
        Redactor basic = new Redactor(List.of(Secret.of("client-7:s3cr3t-pass")));
        String header = "Basic " + Base64.getEncoder().encodeToString("client-7:s3cr3t-pass".getBytes());

        assertThat(basic.redact("echo: " + header)).isEqualTo("echo: Basic " + Redactor.MASK);
    }

    @Test
    void text_without_the_secret_is_left_exactly_as_it_was() {
        String body = "{\"message\":\"gx\\/live+Tok but not the token\", \"n\":\"\\u0067x\"}";
        assertThat(redactor.redact(body)).isEqualTo(body);
        assertThat(redactor.redact("")).isEmpty();
        assertThat(redactor.redact((String) null)).isNull();
    }

    @Test
    void a_fetch_result_loses_the_secret_in_reasons_and_raw_bodies_but_keeps_its_data_exactly() {
        Redactor dataLike = new Redactor(List.of(Secret.of("Budget"), Secret.of("2016")));
        Account account = Account.of(
                "src",
                ProviderType.AHRVO,
                AccountKind.BUDGET,
                "ci20250723201618",
                "Marketing Budget",
                java.util.Currency.getInstance("USD"));
        BalanceObservation observation =
                BalanceObservation.of(account, Balances.available(Money.parse("10.00", "USD")));
        FetchResult result = new FetchResult.Fetched(
                "src",
                List.of(observation),
                List.of(),
                List.of(FetchFailure.ofAccount("card1", "GET /x", FailureKind.NOT_FOUND, "no Budget for 2016")),
                Set.of(AccountKind.BUDGET),
                List.of(new RawResponse("GET /x", 200, "{\"name\":\"Marketing Budget\"}")));

        FetchResult.Fetched redacted = (FetchResult.Fetched) dataLike.redact(result);

        assertThat(redacted.balances()).containsExactly(observation);
        assertThat(redacted.accountFailures().get(0).reason()).isEqualTo("no *** for ***");
        assertThat(redacted.rawResponses().get(0).body()).isEqualTo("{\"name\":\"Marketing ***\"}");
    }

    @Test
    void an_escaping_exception_keeps_its_type_name_and_stack_but_not_the_secret() {
        IllegalStateException escaped =
                new IllegalStateException("could not parse " + TOKEN, new RuntimeException(TOKEN));

        RuntimeException redacted = redactor.redact(escaped);

        assertThat(redacted.getMessage())
                .startsWith("java.lang.IllegalStateException: could not parse ")
                .doesNotContain(TOKEN);
        assertThat(redacted.getCause()).isNull();
        assertThat(redacted.getStackTrace()).isEqualTo(escaped.getStackTrace());
    }
}
