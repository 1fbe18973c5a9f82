package com.balancehistory.adapters.persistence;

import com.balancehistory.adapters.persistence.alert.JooqAlertStateStore;
import com.balancehistory.application.port.out.alert.AlertStateStore;
import com.balancehistory.application.testing.AlertStateStoreContract;

class JooqAlertStateStoreIT extends AlertStateStoreContract {

    private static final AlertStateStore STORE = new JooqAlertStateStore(PersistenceTestSupport.dsl());

    @Override
    protected AlertStateStore store() {
        return STORE;
    }
}
