package com.balancehistory.domain.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups items by the value of one label key. Items without the label form their own group, the explicit
 * {@value #UNLABELLED} group, listed after the labelled ones; labelled groups are in the order of their values.
 */
public final class LabelGroups {

    /** The name of the group of items without the label. */
    public static final String UNLABELLED = "(unlabelled)";

    private LabelGroups() {}

    /** The groups in order: each label value with its items (in their order), then the unlabelled items, if any. */
    public static <T> Map<Optional<String>, List<T>> by(String key, Collection<T> items, Function<T, Labels> labelsOf) {
        Label.requireKey(key);
        TreeMap<String, List<T>> labelled = new TreeMap<>();
        List<T> unlabelled = new ArrayList<>();
        for (T item : items) {
            Optional<String> value = labelsOf.apply(item).get(key);
            if (value.isPresent()) {
                labelled.computeIfAbsent(value.get(), v -> new ArrayList<>()).add(item);
            } else {
                unlabelled.add(item);
            }
        }
        Map<Optional<String>, List<T>> groups = new LinkedHashMap<>();
        labelled.forEach((value, members) -> groups.put(Optional.of(value), members));
        if (!unlabelled.isEmpty()) {
            groups.put(Optional.empty(), unlabelled);
        }
        return groups;
    }
}
