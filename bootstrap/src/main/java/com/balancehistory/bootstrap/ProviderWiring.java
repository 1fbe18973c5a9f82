package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.BalanceProviderFactory;
import com.balancehistory.adapters.http.out.common.HttpClients;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.bootstrap.metrics.ServiceMetrics;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Provider clients come from the HTTP adapter's factory, which validates each source's settings; each source's calls
 * are measured.
 */
@Factory
class ProviderWiring {

    @Singleton
    SourceHttpClients sourceHttpClients() {
        return source -> HttpClients.JDK;
    }

    @Singleton
    ProviderBuilder providerBuilder(ServiceMetrics metrics, SourceHttpClients httpClients) {
        ProviderRuntime runtime = ProviderRuntime.system();
        return settings -> BalanceProviderFactory.create(
                settings,
                runtime.withObserver(metrics.providerCalls(settings.name()))
                        .withHttpClients(httpClients.of(settings.name())));
    }
}
