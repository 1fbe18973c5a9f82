package com.balancehistory.bootstrap.api;

import com.balancehistory.adapters.http.in.ExportGate;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code balance-history.api.exports}: how many exports stream at once, and how long one may hold a connection. */
@ConfigurationProperties(ExportGate.Limits.PREFIX)
public record ExportLimitsProperties(
        @Nullable Integer maxConcurrent,
        @Nullable Duration idleTimeout,
        @Nullable Duration maxDuration) {

    ExportGate.Limits limits() {
        ExportGate.Limits defaults = ExportGate.Limits.defaults();
        return new ExportGate.Limits(
                maxConcurrent == null ? defaults.maxConcurrent() : maxConcurrent,
                idleTimeout == null ? defaults.idleTimeout() : idleTimeout,
                maxDuration == null ? defaults.maxDuration() : maxDuration);
    }
}
