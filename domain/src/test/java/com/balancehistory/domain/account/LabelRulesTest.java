package com.balancehistory.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelRulesTest {

    private static final Account MARKETING_BUDGET = new Account(
                    AccountId.derive("equals", AccountKind.BUDGET, "b-1:EUR"),
                    "equals",
                    ProviderType.EQUALS_MONEY,
                    AccountKind.BUDGET,
                    "b-1:EUR",
                    "Marketing Q4",
                    Currency.getInstance("EUR"),
                    Optional.empty(),
                    Map.of("budgetId", "b-1"))
            .withLabels(Labels.of(Map.of("parent", "Company")));

    private static LabelRule rule(String name, LabelRule.Scope scope, String match, Map<String, String> labels) {
        return new LabelRule(name, scope, match, Labels.of(labels));
    }

    @Test
    void the_more_specific_scope_wins_whatever_the_order_of_configuration() {
        LabelRules rules = new LabelRules(java.util.List.of(
                rule("z-account", LabelRule.Scope.ACCOUNT, MARKETING_BUDGET.id().value(), Map.of("team", "Brand")),
                rule("a-provider", LabelRule.Scope.PROVIDER_ID, "b-1", Map.of("team", "Growth", "owner", "ana")),
                rule("b-pattern", LabelRule.Scope.NAME_PATTERN, "(?i)^marketing", Map.of("department", "Marketing")),
                rule("c-source", LabelRule.Scope.SOURCE, "equals", Map.of("department", "Finance", "team", "Ops"))));

        Labels labels = rules.apply(MARKETING_BUDGET).labels();

        assertThat(labels.values())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("parent", "Company", "department", "Marketing", "team", "Brand", "owner", "ana"));
    }

    @Test
    void within_one_scope_the_rule_whose_name_sorts_last_wins() {
        LabelRules rules = new LabelRules(java.util.List.of(
                rule("b", LabelRule.Scope.SOURCE, "equals", Map.of("team", "second")),
                rule("a", LabelRule.Scope.SOURCE, "equals", Map.of("team", "first"))));

        assertThat(rules.apply(MARKETING_BUDGET).labels().get("team")).contains("second");
    }

    @Test
    void a_provider_id_rule_matches_the_budget_of_an_equals_account_in_every_currency() {
        LabelRules rules = new LabelRules(
                java.util.List.of(rule("budget", LabelRule.Scope.PROVIDER_ID, "b-1", Map.of("cost-center", "CC-7"))));

        assertThat(rules.apply(MARKETING_BUDGET).labels().get("cost-center")).contains("CC-7");
    }

    @Test
    void an_account_no_rule_matches_is_returned_unchanged() {
        LabelRules rules = new LabelRules(java.util.List.of(
                rule("other-source", LabelRule.Scope.SOURCE, "ahrvo", Map.of("department", "Sales")),
                rule("other-name", LabelRule.Scope.NAME_PATTERN, "^Travel", Map.of("department", "Travel"))));

        assertThat(rules.apply(MARKETING_BUDGET)).isSameAs(MARKETING_BUDGET);
    }

    @Test
    void a_name_pattern_is_found_anywhere_in_the_name_and_is_case_sensitive_unless_told() {
        LabelRules caseSensitive = new LabelRules(
                java.util.List.of(rule("q4", LabelRule.Scope.NAME_PATTERN, "Q4", Map.of("quarter", "4"))));
        LabelRules lowerCase = new LabelRules(
                java.util.List.of(rule("q4", LabelRule.Scope.NAME_PATTERN, "q4", Map.of("quarter", "4"))));

        assertThat(caseSensitive.apply(MARKETING_BUDGET).labels().get("quarter"))
                .contains("4");
        assertThat(lowerCase.apply(MARKETING_BUDGET).labels().get("quarter")).isEmpty();
    }

    @Test
    void an_invalid_pattern_or_key_is_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> rule("bad", LabelRule.Scope.NAME_PATTERN, "(unclosed", Map.of("department", "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name-pattern '(unclosed' is not a regular expression");
        assertThatThrownBy(() -> rule("bad", LabelRule.Scope.SOURCE, "equals", Map.of("Department", "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label key 'Department'");
        assertThatThrownBy(() -> rule("bad", LabelRule.Scope.SOURCE, " ", Map.of("department", "X")))
                .hasMessageContaining("source must not be empty");
    }

    @Test
    void a_label_is_parsed_at_the_first_colon() {
        assertThat(Label.parse("owner:team:ops")).isEqualTo(new Label("owner", "team:ops"));
        assertThatThrownBy(() -> Label.parse("department")).hasMessageContaining("key:value");
    }
}
