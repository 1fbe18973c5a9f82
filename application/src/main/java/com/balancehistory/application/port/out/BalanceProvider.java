package com.balancehistory.application.port.out;

import com.balancehistory.domain.account.ProviderType;

/**
 * One configured source of balances (a provider connection with its own credentials). Fetching never throws for
 * expected trouble: a failure is returned as {@link FetchResult.Failed} naming the source, endpoint and reason.
 */
public interface BalanceProvider {

    /** The configured source name, e.g. {@code ahrvo-main}. */
    String sourceName();

    ProviderType providerType();

    /** Asks the provider for everything this source covers now. */
    FetchResult fetch();
}
