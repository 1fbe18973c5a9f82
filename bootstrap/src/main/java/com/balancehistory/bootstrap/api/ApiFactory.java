package com.balancehistory.bootstrap.api;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.http.in.auth.ApiKeys;
import com.balancehistory.adapters.http.in.auth.FailedAttemptThrottle;
import com.balancehistory.adapters.persistence.query.JooqAsOfBalanceReadModel;
import com.balancehistory.adapters.persistence.query.JooqBalanceReadModel;
import com.balancehistory.adapters.persistence.query.JooqCardLimitReadModel;
import com.balancehistory.adapters.persistence.query.JooqPollRunReadModel;
import com.balancehistory.adapters.persistence.query.JooqSnapshotExportSource;
import com.balancehistory.application.service.query.BalanceQueryService;
import com.balancehistory.application.service.query.CardLimitsQueryService;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.application.service.query.ExportHistoryService;
import com.balancehistory.application.service.query.HistoryQueryService;
import com.balancehistory.application.service.query.PollRunQueryService;
import com.balancehistory.application.service.query.QuerySettings;
import com.balancehistory.application.service.query.RunwayService;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.bootstrap.BoundValues;
import com.balancehistory.bootstrap.ConfiguredSources;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The internal API: read models, query services, and the API keys. */
@Factory
class ApiFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ApiFactory.class);

    @Singleton
    QuerySettings querySettings(
            Environment environment,
            ApiProperties api,
            List<HealthTierProperties> healthTiers,
            LowBalanceProperties lowBalance,
            List<LowBalanceAccountProperties> lowBalanceAccounts,
            ConfiguredSources sources) {
        QuerySettings defaults = QuerySettings.defaults();
        BoundValues.readable(
                environment, ApiProperties.PREFIX + ".max-raw-points", api.maxRawPoints(), "a whole number");
        int maxRawPoints = api.maxRawPoints() == null ? defaults.maxRawPoints() : api.maxRawPoints();
        if (lowBalanceAccounts.isEmpty() && environment.containsProperties(LowBalanceAccountProperties.PREFIX)) {
            throw new ApiSettingsReader.ApiConfigurationError(
                    LowBalanceAccountProperties.PREFIX + " must be a list of {account, threshold}");
        }
        return new QuerySettings(
                ApiSettingsReader.healthScale(healthTiers),
                ApiSettingsReader.lowBalance(lowBalance, lowBalanceAccounts),
                defaults.trend(),
                intervals(sources),
                maxRawPoints,
                defaults.maxBuckets(),
                defaults.maxTrendWindow());
    }

    /** Each configured source's typical poll interval, for staleness (older than twice the interval). */
    static SourceIntervals intervals(ConfiguredSources sources) {
        return new SourceIntervals(sources.typicalIntervals(), SourceIntervals.DEFAULT_INTERVAL);
    }

    /**
     * Failed API keys (and other credential checks) per client address: {@code balance-history.api.failed-key-throttle}.
     * Built at start-up, so a setting out of range stops the service instead of the first request.
     */
    @Context
    FailedAttemptThrottle failedAttemptThrottle(
            FailedKeyThrottleProperties properties, Environment environment, Clock clock) {
        return new FailedAttemptThrottle(properties.settings(environment), clock);
    }

    /**
     * Built at start-up, so a bad key entry (an unknown role) stops the service instead of failing each call. Keys
     * come as a list ({@code keys[0].name}) or as a map by name ({@code keys.ops.role}).
     */
    @Context
    ApiKeys apiKeys(Environment environment, List<ApiKeyProperties> listed, List<NamedApiKeyProperties> named) {
        List<ApiSettingsReader.ApiKeyEntry> entries = new ArrayList<>();
        listed.stream().sorted(Comparator.comparing(ApiKeyProperties::index)).forEach(key -> entries.add(key.entry()));
        named.stream()
                .sorted(Comparator.comparing(NamedApiKeyProperties::name))
                .forEach(key -> entries.add(key.entry()));
        List<ApiKey> keys = ApiSettingsReader.apiKeys(entries);
        ApiKeys apiKeys = new ApiKeys(keys);
        boolean demo = environment.getActiveNames().contains("demo");
        if (!demo) {
            ApiSettingsReader.refusePublishedKeys(apiKeys, PublishedDemoKeys.KEYS);
            keys.stream()
                    .filter(ApiKey::givenInPlain)
                    .forEach(key -> LOG.warn(
                            "API key '{}' is configured in plain "
                                    + "text ({}[].key): configure its SHA-256 instead (sha256: <hex>, see README), so the key is in no "
                                    + "file and no log",
                            key.name(),
                            ApiSettingsReader.KEYS));
        }
        if (keys.isEmpty()) {
            LOG.warn(
                    "no API keys configured ({}): every /api request will be refused with 401", ApiSettingsReader.KEYS);
        } else {
            LOG.info(
                    "API keys configured: {}",
                    keys.stream().map(ApiKey::toString).toList());
        }
        return apiKeys;
    }

    @Singleton
    JooqBalanceReadModel balanceReadModel(DSLContext dsl) {
        return new JooqBalanceReadModel(dsl);
    }

    @Singleton
    JooqCardLimitReadModel cardLimitReadModel(DSLContext dsl) {
        return new JooqCardLimitReadModel(dsl);
    }

    @Singleton
    JooqPollRunReadModel pollRunReadModel(DSLContext dsl) {
        return new JooqPollRunReadModel(dsl);
    }

    @Singleton
    JooqSnapshotExportSource snapshotExportSource(DSLContext dsl) {
        return new JooqSnapshotExportSource(dsl);
    }

    @Singleton
    JooqAsOfBalanceReadModel asOfBalanceReadModel(DSLContext dsl) {
        return new JooqAsOfBalanceReadModel(dsl);
    }

    @Singleton
    BalanceQueryService balanceQueryService(
            JooqBalanceReadModel readModel, JooqAsOfBalanceReadModel asOf, QuerySettings settings, Clock clock) {
        return new BalanceQueryService(readModel, asOf, settings, clock);
    }

    /** Each account's burn as the trend measures it: what runway low-balance rules are judged with, everywhere. */
    @Singleton
    DailyBurns dailyBurns(JooqBalanceReadModel readModel, QuerySettings settings) {
        return DailyBurns.fromHistory(readModel, settings);
    }

    @Singleton
    HistoryQueryService historyQueryService(JooqBalanceReadModel readModel, QuerySettings settings, Clock clock) {
        return new HistoryQueryService(readModel, settings, clock);
    }

    @Singleton
    RunwayService runwayService(JooqBalanceReadModel readModel, QuerySettings settings, Clock clock) {
        return new RunwayService(readModel, settings, clock);
    }

    @Singleton
    CardLimitsQueryService cardLimitsQueryService(
            JooqCardLimitReadModel readModel, QuerySettings settings, Clock clock) {
        return new CardLimitsQueryService(readModel, settings, clock);
    }

    @Singleton
    ExportHistoryService exportHistoryService(
            JooqSnapshotExportSource source, JooqAsOfBalanceReadModel asOf, QuerySettings settings, Clock clock) {
        return new ExportHistoryService(source, asOf, settings, clock);
    }

    @Singleton
    PollRunQueryService pollRunQueryService(JooqPollRunReadModel readModel) {
        return new PollRunQueryService(readModel);
    }
}
