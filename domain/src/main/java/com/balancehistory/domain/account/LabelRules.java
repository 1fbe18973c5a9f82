package com.balancehistory.domain.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configured label rules, applied to every account a provider returns. An account keeps the labels its provider
 * gave (Equals Money's {@code parent}) and gets those of every rule that matches it, rules of a less specific scope
 * first ({@link LabelRule.Scope}) and, within a scope, by rule name; a later rule's value wins for the same key.
 */
public final class LabelRules {

    public static final LabelRules NONE = new LabelRules(List.of());

    private record Compiled(LabelRule rule, Pattern pattern) {}

    private final List<Compiled> rules;

    public LabelRules(List<LabelRule> rules) {
        List<LabelRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparing(LabelRule::scope).thenComparing(LabelRule::name));
        this.rules = ordered.stream()
                .map(rule -> new Compiled(
                        rule, rule.scope() == LabelRule.Scope.NAME_PATTERN ? Pattern.compile(rule.match()) : null))
                .toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<LabelRule> rules() {
        return rules.stream().map(Compiled::rule).toList();
    }

    /** The account with the labels of every matching rule over its own. */
    public Account apply(Account account) {
        Labels labels = account.labels();
        for (Compiled compiled : rules) {
            if (compiled.rule().applies(account, compiled.pattern())) {
                labels = labels.overriddenBy(compiled.rule().labels());
            }
        }
        return labels.equals(account.labels()) ? account : account.withLabels(labels);
    }
}
