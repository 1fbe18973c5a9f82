package com.balancehistory.application.port.in.query;

import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition that needs attention now: a low balance or low card limit of one account, or stale data of a source.
 *
 * @param account the account id, empty for a source-wide alert
 * @param value   the balance or remaining limit concerned
 */
public record ActiveAlert(Kind kind, String source, Optional<String> account, Optional<LimitPeriod> period,
                          Optional<Money> value, Optional<Money> threshold, Instant observedAt, String message) {

    /** What an alert is about. */
    public enum Kind {
        LOW_BALANCE("low-balance"), LOW_LIMIT("low-limit"), STALE_DATA("stale-data");

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
