package com.balancehistory.application.model.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Scheduled slots of a source that passed without a poll because no claim of them could be made (the database was
 * unavailable). The claim that ends them records each as a skipped poll of its own, so a history bucket in the
 * outage reads as a gap (failed polls) rather than as a time with no polls at all.
 *
 * @param provider the source's provider, as its polls record it
 * @param reason   why the slots went unpolled, recorded as each one's error
 */
public record MissedSlots(String provider, String reason) {

    /** At most this many rows per claim: later slots of a longer outage are recorded as one slot spanning them. */
    public static final int MAX_RECORDED = 1000;

    /**
     * One missed slot as it is recorded: a single slot starts and finishes at its due time; the last one of an
     * outage longer than {@link #MAX_RECORDED} slots spans until the claim.
     */
    public record Slot(Instant startedAt, Instant finishedAt, String error) {}

    public MissedSlots {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The slots from {@code firstDue} on that were followed by another slot due by {@code now}. The last slot due by
     * now is not among them: the claim made now polls it, late.
     *
     * @param nextDueAfter the source's schedule: the slot due after a given slot
     */
    public List<Slot> between(Instant firstDue, Instant now, UnaryOperator<Instant> nextDueAfter) {
        List<Slot> slots = new ArrayList<>();
        Instant slot = firstDue;
        Instant next = nextDueAfter.apply(slot);
        while (next.isAfter(slot) && !next.isAfter(now)) {
            if (slots.size() == MAX_RECORDED - 1) {
                slots.add(new Slot(slot, now, reason + "; so were the slots after it until " + now));
                return slots;
            }
            slots.add(new Slot(slot, slot, reason));
            slot = next;
            next = nextDueAfter.apply(slot);
        }
        return slots;
    }
}
