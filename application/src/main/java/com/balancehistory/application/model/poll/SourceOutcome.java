package com.balancehistory.application.model.poll;

import java.util.Arrays;
import java.util.List;

/** How one source fared in one poll; stored with the poll run so history can tell "no data" from "unchanged". */
public enum SourceOutcome {
    /** Every account was read and recorded. */
    OK("ok"),
    /** The source answered but some accounts (one card, one grant) failed. */
    PARTIAL("partial"),
    FAILED("failed"),
    RATE_LIMITED("rate_limited"),
    /**
     * Not called: the circuit breaker is open, an earlier poll is still fetching the source, or the scheduled slot
     * passed while the database was unavailable (recorded once it is back, see {@link MissedSlots}).
     */
    SKIPPED("skipped");

    private final String code;

    SourceOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Whether the source answered with balances (all of them, or some): what resets a source's failure count and
     * dates its last success, and what staleness is measured from.
     */
    public boolean succeeded() {
        return this == OK || this == PARTIAL;
    }

    /** The stored codes of the outcomes that {@link #succeeded()}, for queries over stored polls. */
    public static List<String> succeededCodes() {
        return Arrays.stream(values())
                .filter(SourceOutcome::succeeded)
                .map(SourceOutcome::code)
                .toList();
    }

    public static SourceOutcome fromCode(String code) {
        for (SourceOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown source outcome '" + code + "'");
    }
}
