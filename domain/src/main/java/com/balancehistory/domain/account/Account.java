package com.balancehistory.domain.account;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One account as a provider describes it: where it comes from, what kind it is, its currency and its name.
 * {@code attributes} keeps provider details worth history (Equals type, status, parent budget); {@code labels} are
 * the key/value pairs reports group by (given by the provider or by configured rules, see {@link LabelRules}).
 */
public record Account(
        AccountId id,
        String source,
        ProviderType provider,
        AccountKind kind,
        String externalId,
        String name,
        Currency currency,
        Optional<String> parentExternalId,
        Map<String, String> attributes,
        Labels labels) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(currency, "currency");
        name = name == null || name.isBlank() ? externalId : name;
        parentExternalId = parentExternalId == null ? Optional.empty() : parentExternalId;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        labels = labels == null ? Labels.NONE : labels;
    }

    /** An account without labels. */
    public Account(
            AccountId id,
            String source,
            ProviderType provider,
            AccountKind kind,
            String externalId,
            String name,
            Currency currency,
            Optional<String> parentExternalId,
            Map<String, String> attributes) {
        this(id, source, provider, kind, externalId, name, currency, parentExternalId, attributes, Labels.NONE);
    }

    /** An account whose id is derived from source, kind and external id. */
    public static Account of(
            String source, ProviderType provider, AccountKind kind, String externalId, String name, Currency currency) {
        return new Account(
                AccountId.derive(source, kind, externalId),
                source,
                provider,
                kind,
                externalId,
                name,
                currency,
                Optional.empty(),
                Map.of());
    }

    public Account withParent(String parentExternalId) {
        return new Account(
                id,
                source,
                provider,
                kind,
                externalId,
                name,
                currency,
                Optional.ofNullable(parentExternalId),
                attributes,
                labels);
    }

    public Account withAttributes(Map<String, String> more) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(attributes);
        more.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new Account(id, source, provider, kind, externalId, name, currency, parentExternalId, merged, labels);
    }

    public Account withLabels(Labels newLabels) {
        return new Account(
                id, source, provider, kind, externalId, name, currency, parentExternalId, attributes, newLabels);
    }
}
