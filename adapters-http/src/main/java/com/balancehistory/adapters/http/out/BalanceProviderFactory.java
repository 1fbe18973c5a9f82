package com.balancehistory.adapters.http.out;

import com.balancehistory.adapters.http.out.ahrvo.AhrvoBalanceProvider;
import com.balancehistory.adapters.http.out.ahrvo.AhrvoSettings;
import com.balancehistory.adapters.http.out.common.ListingLimits;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.adapters.http.out.equals.EqualsMoneyBalanceProvider;
import com.balancehistory.adapters.http.out.equals.EqualsSettings;
import com.balancehistory.adapters.http.out.grantex.GrantexBalanceProvider;
import com.balancehistory.adapters.http.out.grantex.GrantexSettings;
import com.balancehistory.adapters.http.out.holyheld.HolyheldBalanceProvider;
import com.balancehistory.adapters.http.out.holyheld.HolyheldSettings;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.domain.account.ProviderType;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one entry point from configuration to provider clients: {@link #create(SourceSettings)} checks a source's
 * provider-specific settings and builds its {@link BalanceProvider}, or throws a
 * {@link SourceConfigurationException} naming the source and the setting at fault.
 */
public final class BalanceProviderFactory {

    private BalanceProviderFactory() {}

    /** A provider with the real clock and real waiting. */
    public static BalanceProvider create(SourceSettings settings) {
        return create(settings, ProviderRuntime.system());
    }

    /** Provider parameters every source may have; the rest depends on the provider. */
    private static final Set<String> COMMON_PARAMETERS = Set.of("max-pages", "max-accounts");

    private static final Map<ProviderType, Set<String>> PARAMETERS = Map.of(
            ProviderType.AHRVO, Set.of("card-ids", "fetch-budgets"),
            ProviderType.EQUALS_MONEY, Set.of("account-id", "auth-scheme", "page-size"),
            ProviderType.GRANTEX, Set.of("grant-ids"),
            ProviderType.HOLYHELD, Set.of("card-id"));

    /** A provider with the given clock, sleeper and jitter (tests). */
    public static BalanceProvider create(SourceSettings settings, ProviderRuntime runtime) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(runtime, "runtime");
        refuseUnknownParameters(settings);
        try {
            return switch (settings.provider()) {
                case AHRVO ->
                    new AhrvoBalanceProvider(AhrvoSettings.from(settings), ListingLimits.from(settings), runtime);
                case EQUALS_MONEY ->
                    new EqualsMoneyBalanceProvider(
                            EqualsSettings.from(settings), ListingLimits.from(settings), runtime);
                case GRANTEX -> new GrantexBalanceProvider(GrantexSettings.from(settings), runtime);
                case HOLYHELD -> new HolyheldBalanceProvider(HolyheldSettings.from(settings), runtime);
            };
        } catch (SourceConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SourceConfigurationException(settings.name(), e.getMessage());
        }
    }

    /** A mistyped key ({@code intervall}) would otherwise be ignored silently and its default used. */
    private static void refuseUnknownParameters(SourceSettings settings) {
        Set<String> known = new TreeSet<>(COMMON_PARAMETERS);
        known.addAll(PARAMETERS.get(settings.provider()));
        Set<String> unknown = new TreeSet<>(settings.parameters().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new SourceConfigurationException(
                    settings.name(),
                    "unknown setting(s) " + unknown + " for provider "
                            + settings.provider().configName() + "; its settings are provider, base-url, credentials, "
                            + "interval or cron, the HTTP settings and " + known);
        }
    }
}
