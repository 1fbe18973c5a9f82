package com.balancehistory.domain.account;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A configured rule giving labels to the accounts it matches: by source, by a regular expression found in the
 * account's name, by the provider's id of the account, or by account id. {@link LabelRules} applies them in that
 * order, so the more specific rule wins where two set the same key.
 */
public record LabelRule(String name, Scope scope, String match, Labels labels) {

    /** What a rule matches, from the least to the most specific. */
    public enum Scope {
        SOURCE("source"),
        NAME_PATTERN("name-pattern"),
        PROVIDER_ID("provider-id"),
        ACCOUNT("account");

        private final String configName;

        Scope(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    public LabelRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(labels, "labels");
        if (match.isBlank()) {
            throw new IllegalArgumentException(scope.configName() + " must not be empty");
        }
        if (scope == Scope.NAME_PATTERN) {
            try {
                Pattern.compile(match);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "name-pattern '" + match + "' is not a regular expression: " + e.getDescription());
            }
        }
    }

    /**
     * A provider id matches the account's external id, or, for Equals Money budgets (one account per budget and
     * currency), the budget id, so that one rule covers every currency of the budget.
     */
    boolean applies(Account account, Pattern compiled) {
        return switch (scope) {
            case SOURCE -> account.source().equals(match);
            case NAME_PATTERN -> compiled.matcher(account.name()).find();
            case PROVIDER_ID ->
                account.externalId().equals(match)
                        || match.equals(account.attributes().get("budgetId"));
            case ACCOUNT -> account.id().value().equals(match);
        };
    }
}
