package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.HttpSettings;
import com.balancehistory.adapters.http.out.SourceConfigurationException;
import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns one bound {@link SourceProperties} into what the service needs of a source: the provider connection, the
 * poll schedule and the configured card limit totals. A value that cannot be read is refused naming its key; a key
 * the binding does not know is handed on as a provider parameter, so the provider's settings refuse it by name.
 */
final class SourceBinding {

    /** One source as configured, before its provider client is built. */
    record Definition(
            SourceSettings connection,
            PollSchedule schedule,
            Map<String, Map<LimitPeriod, BigDecimal>> cardLimitTotals) {}

    private static final Set<String> BOUND_KEYS = Arrays.stream(SourceProperties.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> !name.equals("name"))
            .map(NameUtils::hyphenate)
            .collect(Collectors.toUnmodifiableSet());

    private SourceBinding() {}

    /** The source, or empty when it is disabled ({@code enabled: false}). */
    static Optional<Definition> read(Environment environment, SourceProperties source) {
        String name = source.name();
        Keys keys = new Keys(environment, SourceProperties.PREFIX + "." + name + ".");
        if (Boolean.FALSE.equals(keys.readable("enabled", source.enabled(), "true or false"))) {
            return Optional.empty();
        }
        PollSchedule schedule = schedule(keys, source);
        Map<String, Map<LimitPeriod, BigDecimal>> cardTotals = cardLimitTotals(keys, source);
        HttpSettings http = http(keys, source);
        return Optional.of(new Definition(
                new SourceSettings(
                        name, provider(source), source.baseUrl(), credentials(source), parameters(keys, source), http),
                schedule,
                cardTotals));
    }

    private static ProviderType provider(SourceProperties source) {
        if (source.provider() == null || source.provider().isBlank()) {
            return null; // refused by SourceSettings, naming the providers
        }
        try {
            return ProviderType.fromConfigName(source.provider().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new SourceConfigurationException(source.name(), unknown.getMessage());
        }
    }

    private static PollSchedule schedule(Keys keys, SourceProperties source) {
        if (source.cron() != null) {
            ZoneId zone = ZoneOffset.UTC;
            if (source.cronZone() != null) {
                try {
                    zone = ZoneId.of(source.cronZone().strip());
                } catch (RuntimeException e) {
                    throw new ConfigurationException(keys.at("cron-zone") + ": " + e.getMessage());
                }
            }
            return new PollSchedule.Cron(source.cron(), zone);
        }
        return new PollSchedule.Every(keys.positive("interval", source.interval(), PollSchedule.DEFAULT_INTERVAL));
    }

    /** {@code card-limit-totals: {card123: {daily: "2000.00", weekly: "5000.00"}}}, in the card's currency. */
    private static Map<String, Map<LimitPeriod, BigDecimal>> cardLimitTotals(Keys keys, SourceProperties source) {
        Map<String, Map<String, String>> configured =
                keys.readable("card-limit-totals", source.cardLimitTotals(), "a map of card ids to {period: amount}");
        Map<String, Map<LimitPeriod, BigDecimal>> totals = new LinkedHashMap<>();
        (configured == null ? Map.<String, Map<String, String>>of() : configured).forEach((card, periods) -> {
            Map<LimitPeriod, BigDecimal> perPeriod = new EnumMap<>(LimitPeriod.class);
            periods.forEach((period, amount) -> {
                String at = keys.at("card-limit-totals." + card + "." + period);
                try {
                    perPeriod.put(LimitPeriod.fromApiName(period), BoundValues.decimal(at, amount));
                } catch (ConfigurationException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(at + ": " + e.getMessage());
                }
            });
            totals.put(card, perPeriod);
        });
        return totals;
    }

    private static Map<String, String> credentials(SourceProperties source) {
        Map<String, String> credentials = new LinkedHashMap<>();
        putStripped(credentials, "api-key", source.apiKey());
        putStripped(credentials, "access-token", source.accessToken());
        putStripped(credentials, "token", source.token());
        return credentials;
    }

    private static void putStripped(Map<String, String> into, String key, String value) {
        if (value != null) {
            into.put(key, value.strip());
        }
    }

    /** The provider's parameters as text, plus every key nothing binds, for the provider to refuse by name. */
    private static Map<String, List<String>> parameters(Keys keys, SourceProperties source) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        list(parameters, "card-ids", source.cardIds());
        list(parameters, "grant-ids", source.grantIds());
        single(parameters, "account-id", source.accountId());
        single(parameters, "auth-scheme", source.authScheme());
        single(parameters, "page-size", source.pageSize());
        single(parameters, "card-id", source.cardId());
        single(parameters, "fetch-budgets", source.fetchBudgets());
        single(parameters, "max-pages", source.maxPages());
        single(parameters, "max-accounts", source.maxAccounts());
        for (String key : new TreeSet<>(keys.environment().getPropertyEntries(keys.section()))) {
            if (!BOUND_KEYS.contains(key)) {
                parameters.put(key, List.of(keys.text(key)));
            }
        }
        return parameters;
    }

    private static void list(Map<String, List<String>> into, String key, List<String> values) {
        if (values != null) {
            into.put(
                    key,
                    values.stream()
                            .filter(v -> v != null && !v.isBlank())
                            .map(String::strip)
                            .toList());
        }
    }

    private static void single(Map<String, List<String>> into, String key, String value) {
        if (value != null) {
            into.put(key, List.of(value.strip()));
        }
    }

    private static HttpSettings http(Keys keys, SourceProperties source) {
        HttpSettings d = HttpSettings.defaults();
        Duration circuitOpenFor = source.circuitOpenFor() != null || source.circuitCoolDown() == null
                ? keys.positive("circuit-open-for", source.circuitOpenFor(), d.circuitOpenFor())
                : keys.positive("circuit-cool-down", source.circuitCoolDown(), d.circuitOpenFor());
        long maxResponseBytes = d.maxResponseBytes();
        if (source.maxResponseBytes() != null) {
            try {
                maxResponseBytes = HttpSettings.parseSize(source.maxResponseBytes());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(keys.at("max-response-bytes") + ": " + e.getMessage());
            }
        }
        Duration connectTimeout = keys.positive("connect-timeout", source.connectTimeout(), d.connectTimeout());
        Duration readTimeout = keys.positive("read-timeout", source.readTimeout(), d.readTimeout());
        int maxRetries = keys.whole("max-retries", source.maxRetries(), d.maxRetries());
        Duration initialBackoff = keys.positive("initial-backoff", source.initialBackoff(), d.initialBackoff());
        Duration maxBackoff = keys.positive("max-backoff", source.maxBackoff(), d.maxBackoff());
        Duration maxRetryAfter = keys.duration("max-retry-after", source.maxRetryAfter(), d.maxRetryAfter());
        int threshold =
                keys.whole("circuit-failure-threshold", source.circuitFailureThreshold(), d.circuitFailureThreshold());
        int maxConcurrency = keys.whole("max-concurrency", source.maxConcurrency(), d.maxConcurrency());
        Double rate = keys.readable("max-requests-per-second", source.maxRequestsPerSecond(), "a number");
        try {
            return new HttpSettings(
                    connectTimeout,
                    readTimeout,
                    maxResponseBytes,
                    maxRetries,
                    initialBackoff,
                    maxBackoff,
                    maxRetryAfter,
                    threshold,
                    circuitOpenFor,
                    maxConcurrency,
                    rate == null ? d.maxRequestsPerSecond() : rate);
        } catch (IllegalArgumentException invalid) {
            throw new SourceConfigurationException(source.name(), invalid.getMessage());
        }
    }

    /** The keys of one source, for checks that name the key in full. */
    private record Keys(Environment environment, String prefix) {

        String at(String key) {
            return prefix + key;
        }

        String section() {
            return prefix.substring(0, prefix.length() - 1);
        }

        String text(String key) {
            return environment.getProperty(at(key), String.class).orElse("");
        }

        Duration duration(String key, Duration bound, Duration fallback) {
            Duration duration = BoundValues.duration(environment, at(key), bound);
            return duration == null ? fallback : duration;
        }

        <T> T readable(String key, T bound, String expected) {
            return BoundValues.readable(environment, at(key), bound, expected);
        }

        Duration positive(String key, Duration bound, Duration fallback) {
            return BoundValues.positiveDuration(environment, at(key), bound, fallback);
        }

        int whole(String key, Integer bound, int fallback) {
            Integer value = readable(key, bound, "a whole number");
            return value == null ? fallback : value;
        }
    }
}
