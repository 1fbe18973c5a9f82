package com.balancehistory.bootstrap.api;

import com.balancehistory.adapters.http.in.auth.FailedAttemptThrottle;
import com.balancehistory.bootstrap.BoundValues;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** {@code balance-history.api.failed-key-throttle}: how many failed keys a client address may send in a window. */
@ConfigurationProperties(FailedKeyThrottleProperties.PREFIX)
public record FailedKeyThrottleProperties(
        @Nullable Integer maxFailures,
        @Nullable Duration window,
        @Nullable Integer maxAddresses) {

    public static final String PREFIX = "balance-history.api.failed-key-throttle";

    FailedAttemptThrottle.Settings settings(Environment environment) {
        FailedAttemptThrottle.Settings defaults = FailedAttemptThrottle.Settings.defaults();
        BoundValues.readable(environment, PREFIX + ".max-failures", maxFailures, "a whole number");
        BoundValues.duration(environment, PREFIX + ".window", window);
        BoundValues.readable(environment, PREFIX + ".max-addresses", maxAddresses, "a whole number");
        try {
            return new FailedAttemptThrottle.Settings(
                    maxFailures == null ? defaults.maxFailures() : maxFailures,
                    window == null ? defaults.window() : window,
                    maxAddresses == null ? defaults.maxAddresses() : maxAddresses);
        } catch (IllegalArgumentException e) {
            throw new ApiSettingsReader.ApiConfigurationError(PREFIX + ": " + e.getMessage());
        }
    }
}
