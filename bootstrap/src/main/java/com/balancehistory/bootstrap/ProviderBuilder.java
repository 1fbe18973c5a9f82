package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.SourceSettings;
import com.balancehistory.application.port.out.BalanceProvider;

/** Turns one source's connection settings (provider, base-url, credentials...) into a provider client. */
@FunctionalInterface
interface ProviderBuilder {

    /** @throws IllegalArgumentException naming the setting at fault when the settings are unusable */
    BalanceProvider build(SourceSettings settings);
}
