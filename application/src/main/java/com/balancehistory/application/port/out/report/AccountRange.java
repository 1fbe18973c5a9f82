package com.balancehistory.application.port.out.report;

import java.util.Objects;
import java.util.Optional;

/**
 * A run of one source's accounts in the store's id order: those after {@code after} (from the first when empty) up to
 * and including {@code through} (to the last when empty). Alerts are evaluated one such run at a time, so the memory
 * they need is bounded by the run, not by the size of the source. Stores compare ids in their own order; the
 * in-memory {@link #contains} is for stores that hold them in Java's.
 */
public record AccountRange(Optional<String> after, Optional<String> through) {

    /** Every account. */
    public static final AccountRange ALL = new AccountRange(Optional.empty(), Optional.empty());

    public AccountRange {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(through, "through");
    }

    /** Whether {@code accountId} is in the run, in Java's string order. */
    public boolean contains(String accountId) {
        return after.map(first -> accountId.compareTo(first) > 0).orElse(true)
                && through.map(last -> accountId.compareTo(last) <= 0).orElse(true);
    }
}
