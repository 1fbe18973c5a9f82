package com.balancehistory.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.http.in.auth.ApiKeys;
import com.balancehistory.adapters.http.in.auth.ApiRole;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.AccountBalance;
import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsReaderTest {

    @Test
    void plain_keys_are_hashed_and_a_key_without_a_role_is_a_reader() {
        List<ApiKey> fromList = ApiSettingsReader.apiKeys(List.of(
                listed(0, "ops", "reader", null, "plain-key-0123456789"),
                listed(1, "ci", "admin", ApiKey.sha256Hex("hashed-key-0123456789"), null)));
        ApiKeys keys = new ApiKeys(fromList);

        assertThat(keys.authenticate("plain-key-0123456789").map(ApiKey::name)).contains("ops");
        assertThat(keys.authenticate("hashed-key-0123456789").map(ApiKey::role)).contains(ApiRole.ADMIN);

        List<ApiKey> fromMap = ApiSettingsReader.apiKeys(
                List.of(new NamedApiKeyProperties("ops", null, null, "plain-key-0123456789").entry()));
        assertThat(fromMap)
                .singleElement()
                .satisfies(key -> assertThat(key.role()).isEqualTo(ApiRole.READER));
        assertThat(ApiSettingsReader.apiKeys(List.of())).isEmpty();
    }

    @Test
    void a_key_entry_with_both_or_neither_secret_is_rejected_naming_the_entry() {
        assertThatThrownBy(() -> ApiSettingsReader.apiKeys(List.of(listed(0, "x", "reader", null, null))))
                .hasMessageContaining("balance-history.api.keys[0]")
                .hasMessageContaining("exactly one");
        assertThatThrownBy(
                        () -> ApiSettingsReader.apiKeys(List.of(listed(0, "x", "god", null, "plain-key-0123456789"))))
                .hasMessageContaining("god");
        assertThatThrownBy(() -> ApiSettingsReader.apiKeys(
                        List.of(new NamedApiKeyProperties("ops", null, "ab", "plain-key-0123456789").entry())))
                .hasMessageContaining("balance-history.api.keys.ops")
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ApiSettingsReader.apiKeys(List.of(listed(3, null, "reader", null, "k"))))
                .hasMessageContaining("balance-history.api.keys[3].name is required");
    }

    @Test
    void a_published_demo_key_is_refused_naming_the_entry_whether_given_plain_or_hashed() {
        ApiKeys keys = new ApiKeys(ApiSettingsReader.apiKeys(List.of(
                listed(0, "copied", "admin", null, PublishedDemoKeys.KEYS.get(0)),
                listed(1, "hashed", "reader", ApiKey.sha256Hex(PublishedDemoKeys.KEYS.get(1)), null),
                listed(2, "mine", "reader", null, "mine-key-0123456789abcdef"))));

        assertThatThrownBy(() -> ApiSettingsReader.refusePublishedKeys(keys, PublishedDemoKeys.KEYS))
                .hasMessageContaining("balance-history.api.keys")
                .hasMessageContaining("copied")
                .hasMessageContaining("hashed")
                .hasMessageNotContaining("mine");
        ApiSettingsReader.refusePublishedKeys(
                new ApiKeys(ApiSettingsReader.apiKeys(
                        List.of(listed(0, "own", "reader", null, "own-key-0123456789abcdef")))),
                PublishedDemoKeys.KEYS);
    }

    @Test
    void the_published_demo_keys_are_exactly_the_keys_of_the_demo_configuration() throws Exception {
        String demo;
        try (var in = getClass().getResourceAsStream("/application-demo.yml")) {
            demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> keysInFile = java.util.regex.Pattern.compile("(?m)^\\s+key:\\s*(\\S+)\\s*$")
                .matcher(demo)
                .results()
                .map(match -> match.group(1))
                .toList();

        assertThat(keysInFile).containsExactlyInAnyOrderElementsOf(PublishedDemoKeys.KEYS);
    }

    @Test
    void a_short_plain_key_is_refused_naming_the_entry() {
        assertThatThrownBy(() -> ApiSettingsReader.apiKeys(List.of(listed(0, "short", null, null, "0123456789"))))
                .hasMessageContaining("balance-history.api.keys[0]")
                .hasMessageContaining("16 characters");
    }

    @Test
    void health_tiers_are_added_to_the_domain_defaults() {
        HealthScale scale = ApiSettingsReader.healthScale(List.of(new HealthTierProperties(
                "eur", List.of(Map.of("minimum", "1000", "score", 90, "label", "FINE")), 5, "EMPTY")));

        assertThat(scale.rate(Money.parse("1000", "EUR")).label()).isEqualTo("FINE");
        assertThat(scale.rate(Money.parse("999.99", "EUR")).label()).isEqualTo("EMPTY");
        assertThat(scale.rate(Money.parse("60000", "USD")).label()).isEqualTo("EXCELLENT");
        assertThatThrownBy(() ->
                        ApiSettingsReader.healthScale(List.of(new HealthTierProperties("EUR", List.of(), null, null))))
                .hasMessageContaining("balance-history.health-tiers.EUR");
    }

    @Test
    void low_balance_rules_by_currency_and_account_absolute_or_percent_of_initial() {
        LowBalancePolicy policy = ApiSettingsReader.lowBalance(
                new LowBalanceProperties(Map.of("USD", "1000.00")),
                List.of(new LowBalanceAccountProperties(0, "src.budget.b1", "20%", null)));

        AccountId b1 = new AccountId("src.budget.b1");
        AccountBalance account = AccountBalance.of(b1, "B1", Money.parse("250", "USD"), Money.parse("1000", "USD"));
        LowBalanceAssessment own = policy.evaluate(account);
        assertThat(own.isLow()).isFalse();
        assertThat(own.scope()).contains(LowBalanceAssessment.RuleScope.ACCOUNT);
        assertThat(own.threshold()).contains(Money.parse("200.00", "USD"));
        assertThat(policy.evaluate(
                                AccountBalance.of(new AccountId("src.budget.b2"), "B2", Money.parse("999.99", "USD")))
                        .isLow())
                .isTrue();
        assertThat(ApiSettingsReader.lowBalance(LowBalanceProperties.none(), List.of())
                        .evaluate(account)
                        .verdict())
                .isEqualTo(LowBalanceAssessment.Verdict.NO_RULE);
        assertThatThrownBy(() -> currencyRules(Map.of("USD", "lots")))
                .hasMessageContaining("balance-history.low-balance.currencies.USD");
    }

    @Test
    void low_balance_thresholds_may_be_a_percent_of_initial_or_of_the_currency_total_as_the_alerts_need() {
        LowBalancePolicy policy = currencyRules(Map.of("EUR", "5% of total", "USD", "10% of initial"));

        assertThat(policy.currencyRules().get(Currency.getInstance("EUR")))
                .isEqualTo(LowBalanceRule.belowPercentOfTotal(new BigDecimal("5")));
        assertThat(policy.currencyRules().get(Currency.getInstance("USD")))
                .isEqualTo(LowBalanceRule.belowPercentOfInitial(new BigDecimal("10")));
        assertThat(policy.needsCurrencyTotals()).isTrue();
        assertThatThrownBy(() -> currencyRules(Map.of("EUR", "5% of budget")))
                .hasMessageContaining("balance-history.low-balance.currencies.EUR")
                .hasMessageContaining("of total");
    }

    @Test
    void low_balance_thresholds_may_be_stated_in_runway_next_to_amounts_and_percentages() {
        LowBalancePolicy policy = ApiSettingsReader.lowBalance(
                new LowBalanceProperties(Map.of("USD", "runway < 7d", "EUR", "Runway<36h", "JPY", "runway < P2DT12H")),
                List.of(new LowBalanceAccountProperties(0, "src.budget.b1", "runway < 14d", null)));

        assertThat(policy.currencyRules().get(Currency.getInstance("USD")))
                .isEqualTo(LowBalanceRule.runwayBelow(java.time.Duration.ofDays(7)));
        assertThat(policy.currencyRules().get(Currency.getInstance("EUR")))
                .isEqualTo(LowBalanceRule.runwayBelow(java.time.Duration.ofHours(36)));
        assertThat(policy.currencyRules().get(Currency.getInstance("JPY")))
                .isEqualTo(LowBalanceRule.runwayBelow(java.time.Duration.ofHours(60)));
        assertThat(policy.accountRules().get(new AccountId("src.budget.b1")))
                .isEqualTo(LowBalanceRule.runwayBelow(java.time.Duration.ofDays(14)));
        assertThat(policy.needsBurns()).isTrue();

        // at 100.00 a day the threshold is 7 days of burn; without a burn the rule is not evaluable
        AccountBalance account = AccountBalance.of(new AccountId("src.budget.b2"), "B2", Money.parse("650.00", "USD"));
        LowBalanceAssessment low = policy.evaluate(
                account, java.util.Optional.empty(), java.util.Optional.of(Money.parse("100.00", "USD")));
        assertThat(low.isLow()).isTrue();
        assertThat(low.threshold()).contains(Money.parse("700.00", "USD"));
        assertThat(policy.evaluate(account).verdict()).isEqualTo(LowBalanceAssessment.Verdict.NOT_EVALUABLE);
        assertThat(policy.evaluate(account).reason()).contains("burn");

        assertThatThrownBy(() -> currencyRules(Map.of("USD", "runway > 7d")))
                .hasMessageContaining("balance-history.low-balance.currencies.USD")
                .hasMessageContaining("runway < 7d");
        assertThatThrownBy(() -> currencyRules(Map.of("USD", "runway < 7 weeks")))
                .hasMessageContaining("runway < 7d");
    }

    private static ApiSettingsReader.ApiKeyEntry listed(
            int index, String name, String role, String sha256, String key) {
        return new ApiKeyProperties(index, name, role, sha256, key).entry();
    }

    @Test
    void an_absolute_account_threshold_without_a_currency_is_refused_naming_the_entry() {
        assertThatThrownBy(() -> ApiSettingsReader.lowBalance(
                        LowBalanceProperties.none(),
                        List.of(new LowBalanceAccountProperties(2, "src.budget.b1", "500.00", null))))
                .hasMessageContaining("balance-history.low-balance.accounts[2]")
                .hasMessageContaining("needs a currency");
    }

    private static LowBalancePolicy currencyRules(Map<String, String> currencies) {
        return ApiSettingsReader.lowBalance(new LowBalanceProperties(currencies), List.of());
    }
}
