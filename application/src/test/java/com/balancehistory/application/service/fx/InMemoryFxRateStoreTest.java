package com.balancehistory.application.service.fx;

import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.application.testing.FxRateStoreContract;
import com.balancehistory.application.testing.InMemoryFxRateStore;

class InMemoryFxRateStoreTest extends FxRateStoreContract {

    private final InMemoryFxRateStore store = new InMemoryFxRateStore();

    @Override
    protected FxRateStore store() {
        return store;
    }
}
