package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.SourceSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provider clients come from the HTTP adapter's factory, which validates each source's settings. */
@Factory
class ProviderWiring {

    @Singleton
    ProviderBuilder providerBuilder() {
        return (name, settings) -> BalanceProviderFactory.create(SourceSettings.fromMap(name, settings));
    }
}
