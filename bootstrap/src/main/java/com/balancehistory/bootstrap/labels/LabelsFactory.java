package com.balancehistory.bootstrap.labels;

import com.balancehistory.domain.account.LabelRule;
import com.balancehistory.domain.account.LabelRules;
import com.balancehistory.domain.account.Labels;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The label rules of {@code balance-history.labels.rules}, checked at start-up: a rule with an unknown key, without
 * or with more than one matcher, with a pattern that is not a regular expression or with a malformed label stops the
 * service, naming the key at fault.
 */
@Factory
public class LabelsFactory {

    static final Set<String> RULE_KEYS = Set.of("account", "source", "provider-id", "name-pattern", "labels");

    @Context
    LabelRules labelRules(List<LabelRuleProperties> configured, Environment environment) {
        List<LabelRule> rules = new ArrayList<>();
        List<LabelRuleProperties> sorted = new ArrayList<>(configured);
        sorted.sort(Comparator.comparing(LabelRuleProperties::name));
        for (LabelRuleProperties properties : sorted) {
            String at = LabelRuleProperties.PREFIX + "." + properties.name();
            for (String key : new TreeSet<>(environment.getPropertyEntries(at))) {
                if (!RULE_KEYS.contains(key)) {
                    throw new ConfigurationException(
                            at + "." + key + ": unknown key (a rule has " + new TreeSet<>(RULE_KEYS) + ")");
                }
            }
            rules.add(rule(at, properties));
        }
        return new LabelRules(rules);
    }

    static LabelRule rule(String at, LabelRuleProperties properties) {
        List<Map.Entry<LabelRule.Scope, String>> matchers = new ArrayList<>();
        add(matchers, LabelRule.Scope.ACCOUNT, properties.account());
        add(matchers, LabelRule.Scope.SOURCE, properties.source());
        add(matchers, LabelRule.Scope.PROVIDER_ID, properties.providerId());
        add(matchers, LabelRule.Scope.NAME_PATTERN, properties.namePattern());
        if (matchers.size() != 1) {
            throw new ConfigurationException(at + ": a rule names exactly one of account, source, provider-id or "
                    + "name-pattern, found " + matchers.size());
        }
        Map.Entry<LabelRule.Scope, String> matcher = matchers.get(0);
        if (properties.labels() == null || properties.labels().isEmpty()) {
            throw new ConfigurationException(at + ".labels: a rule gives at least one label");
        }
        Labels labels;
        try {
            labels = Labels.of(properties.labels());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(at + ".labels: " + e.getMessage());
        }
        try {
            return new LabelRule(properties.name(), matcher.getKey(), matcher.getValue(), labels);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(at + "." + matcher.getKey().configName() + ": " + e.getMessage());
        }
    }

    private static void add(List<Map.Entry<LabelRule.Scope, String>> matchers, LabelRule.Scope scope, String value) {
        if (value != null) {
            matchers.add(Map.entry(scope, value));
        }
    }
}
