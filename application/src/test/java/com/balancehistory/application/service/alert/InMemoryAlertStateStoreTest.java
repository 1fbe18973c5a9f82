package com.balancehistory.application.service.alert;

import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.testing.AlertStateStoreContract;
import com.balancehistory.application.testing.InMemoryAlertStateStore;

class InMemoryAlertStateStoreTest extends AlertStateStoreContract {

    private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();

    @Override
    protected AlertStateStore store() {
        return store;
    }
}
