package com.balancehistory.application.port.in.query;

import java.time.Instant;
import java.util.Objects;

/** One account's balance as of a time, or why there is none. */
public sealed interface AccountDetailAsOf {

    record Found(AccountBalanceDetail detail) implements AccountDetailAsOf {
        public Found {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The account's first balance was recorded after the time asked for. */
    record FirstSeenLater(Instant firstSeenAt) implements AccountDetailAsOf {
        public FirstSeenLater {
            Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        }
    }

    /** No account with a recorded balance by that id. */
    record Unknown() implements AccountDetailAsOf {}
}
