package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert of the lifecycle that is active now: a low balance, a low card limit or a significant balance change of one
 * account, or stale data of a source.
 *
 * @param account    the account id, empty for a source-wide alert
 * @param value      the balance, remaining limit or change concerned
 * @param observedAt when the alert fired
 */
public record ActiveAlert(
        Kind kind,
        String source,
        Optional<String> account,
        Optional<LimitPeriod> period,
        Optional<Money> value,
        Optional<Money> threshold,
        Instant observedAt,
        String message) {

    /** What an alert is about. */
    public enum Kind {
        LOW_BALANCE("low-balance"),
        LOW_LIMIT("low-limit"),
        STALE_DATA("stale-data"),
        SIGNIFICANT_CHANGE("significant-change"),
        TOP_UP_SETTLED("top-up-settled");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public ActiveAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        account = account == null ? Optional.empty() : account;
        period = period == null ? Optional.empty() : period;
        value = value == null ? Optional.empty() : value;
        threshold = threshold == null ? Optional.empty() : threshold;
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(message, "message");
    }
}
