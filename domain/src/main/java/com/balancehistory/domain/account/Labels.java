package com.balancehistory.domain.account;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The labels of an account, one value per key, keys in order. */
public record Labels(SortedMap<String, String> values) {

    public static final Labels NONE = new Labels(new TreeMap<>());

    public Labels {
        Objects.requireNonNull(values, "values");
        TreeMap<String, String> checked = new TreeMap<>();
        values.forEach((key, value) -> {
            Label label = new Label(key, value);
            checked.put(label.key(), label.value());
        });
        values = Collections.unmodifiableSortedMap(checked);
    }

    public static Labels of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new Labels(new TreeMap<>(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(Label label) {
        return label.value().equals(values.get(label.key()));
    }

    /** Whether every one of {@code labels} is among these (none asked: true). */
    public boolean hasAll(Collection<Label> labels) {
        return labels.stream().allMatch(this::has);
    }

    /** These labels with {@code other}'s added; where both have a key, {@code other}'s value wins. */
    public Labels overriddenBy(Labels other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        TreeMap<String, String> merged = new TreeMap<>(values);
        merged.putAll(other.values);
        return new Labels(merged);
    }
}
