package com.balancehistory.application.model.query;

import java.time.Instant;
import java.util.Objects;

/** What the store knows of one account at a given time: its balance then, or that it was first seen later. */
public sealed interface AccountAsOf {

    /** The account's newest balance at or before the time. */
    record Observed(AsOfBalance balance) implements AccountAsOf {
        public Observed {
            Objects.requireNonNull(balance, "balance");
        }
    }

    /** The account exists, but its first balance was recorded after the time. */
    record FirstSeenLater(Instant firstSeenAt) implements AccountAsOf {
        public FirstSeenLater {
            Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        }
    }

    /** No account with a recorded balance by that id. */
    record Unknown() implements AccountAsOf {}
}
